using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Analyzers.Scope;

/// <summary>
/// Whether a compilation is training code: it references ML.NET, TorchSharp or Microsoft.Data.Analysis, or the
/// project sets <c>LockstepTrainingCode</c> (made visible to the compiler by build/Lockstep.Analyzers.props).
/// <c>LockstepTrainingCode=false</c> turns the rules off even in a project with those references.
/// </summary>
internal static class TrainingScope
{
    public const string PropertyKey = "build_property.LockstepTrainingCode";

    private static readonly string[] TrainingAssemblies = ["Microsoft.ML.Core", "Microsoft.ML.Data", "Microsoft.ML", "TorchSharp", "Microsoft.Data.Analysis"];

    // Every Lockstep analyzer asks for the same compilation; the references are looked at once.
    private static readonly ConditionalWeakTable<Compilation, object> ReferencesTrainingLibraryCache = new();

    public static bool Applies(Compilation compilation, AnalyzerOptions options)
    {
        if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(PropertyKey, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        return (bool)ReferencesTrainingLibraryCache.GetValue(compilation, c => ReferencesTrainingLibrary(c));
    }

    private static bool ReferencesTrainingLibrary(Compilation compilation)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in TrainingAssemblies)
            {
                if (string.Equals(identity.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
