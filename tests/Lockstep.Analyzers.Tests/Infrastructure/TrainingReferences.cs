using Lockstep.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Lockstep.Analyzers.Tests.Infrastructure;

/// <summary>
/// The reference assemblies test compilations use. On a machine that has not downloaded their packages yet, the
/// framework's first resolution reads some packages (TorchSharp, Microsoft.Data.Analysis, the FastTree and LightGBM
/// trainers) before their files are in place and keeps that incomplete answer on the instance for the rest of the
/// run: "The type or namespace name 'TorchSharp' could not be found". So every test gets them through
/// <see cref="TrainingAsync"/> or <see cref="PlainAsync"/>, which first resolve a copy of each set once, one after the
/// other, to download the packages, and hand out the originals, which then read the finished packages.
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
        foreach (var references in new[] { Plain, Training })
        {
            // An assembly no package has makes an unequal copy (the framework shares equal instances and their
            // answers) that resolves the same packages; the framework skips a listed assembly it cannot find.
            var download = references.AddAssemblies(["Lockstep.Analyzers.Tests.DownloadOnly"]);
            await download.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
