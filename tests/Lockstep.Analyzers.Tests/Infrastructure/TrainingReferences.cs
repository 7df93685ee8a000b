using Lockstep.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Lockstep.Analyzers.Tests.Infrastructure;

/// <summary>
/// The reference assemblies test compilations use. The framework downloads their packages into one folder on first
/// use without a lock, so tests resolving them at the same time on a fresh machine read each other's half-written
/// packages ("The type or namespace name 'TorchSharp' could not be found"). Every test therefore gets them through
/// <see cref="TrainingAsync"/> or <see cref="PlainAsync"/>, which resolve both sets once, one after the other, first.
/// </summary>
internal static class TrainingReferences
{
    /// <summary>.NET 8 with ML.NET (and its LightGBM and FastTree trainers), TorchSharp and Microsoft.Data.Analysis.</summary>
    private static readonly ReferenceAssemblies Training = ReferenceAssemblies.Net.Net80.AddPackages(
    [
        new("Microsoft.ML", "5.0.1"),
        new("Microsoft.ML.LightGbm", "5.0.1"),
        new("Microsoft.ML.FastTree", "5.0.1"),
        new("TorchSharp", "0.107.0"),
        new("Microsoft.Data.Analysis", "0.23.1"),
    ]);

    /// <summary>.NET 8 alone: application code, where the rules stay quiet.</summary>
    private static readonly ReferenceAssemblies Plain = ReferenceAssemblies.Net.Net80;

    private static readonly Lazy<Task> Resolved = new(ResolveOnceAsync);

    /// <summary>The Lockstep.Sdk assembly the code fixes rewrite to.</summary>
    public static MetadataReference Sdk { get; } = MetadataReference.CreateFromFile(typeof(TrainingRun).Assembly.Location);

    public static async Task<ReferenceAssemblies> TrainingAsync()
    {
        await Resolved.Value.ConfigureAwait(false);
        return Training;
    }

    public static async Task<ReferenceAssemblies> PlainAsync()
    {
        await Resolved.Value.ConfigureAwait(false);
        return Plain;
    }

    private static async Task ResolveOnceAsync()
    {
        await Plain.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
        await Training.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
    }
}
