using Lockstep.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Lockstep.Analyzers.Tests.Infrastructure;

/// <summary>
/// The reference assemblies test compilations use. Built once: the framework downloads the packages into its cache
/// on first use and keeps the resolved references on the instance.
/// </summary>
internal static class TrainingReferences
{
    /// <summary>.NET 8 with ML.NET (and its LightGBM and FastTree trainers), TorchSharp and Microsoft.Data.Analysis.</summary>
    public static ReferenceAssemblies Training { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
    [
        new("Microsoft.ML", "5.0.1"),
        new("Microsoft.ML.LightGbm", "5.0.1"),
        new("Microsoft.ML.FastTree", "5.0.1"),
        new("TorchSharp", "0.107.0"),
        new("Microsoft.Data.Analysis", "0.23.1"),
    ]);

    /// <summary>.NET 8 alone: application code, where the rules stay quiet.</summary>
    public static ReferenceAssemblies Plain { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>The Lockstep.Sdk assembly the code fixes rewrite to.</summary>
    public static MetadataReference Sdk { get; } = MetadataReference.CreateFromFile(typeof(TrainingRun).Assembly.Location);
}
