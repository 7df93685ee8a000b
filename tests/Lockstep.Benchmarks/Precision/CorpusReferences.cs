using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Lockstep.Benchmarks.Precision;

/// <summary>
/// The reference assemblies of a corpus project: .NET 8 and, for each ML package the project references, that
/// package at the version the analyzer tests use (older samples name older versions; the APIs the rules look at
/// kept their names). A package the registry does not serve is compiled from its sources when a folder of package
/// sources is given (<c>--package-sources</c>: dotnet/machinelearning's <c>src/</c> holds every ML.NET package), else left
/// out and named once, so its types stay unbound instead of the project being skipped.
/// </summary>
internal sealed class CorpusReferences(string? packageSources)
{
    private static readonly Dictionary<string, PackageIdentity> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.ML"] = new("Microsoft.ML", "5.0.1"),
        ["Microsoft.ML.FastTree"] = new("Microsoft.ML.FastTree", "5.0.1"),
        ["Microsoft.ML.LightGbm"] = new("Microsoft.ML.LightGbm", "5.0.1"),
        ["Microsoft.ML.ImageAnalytics"] = new("Microsoft.ML.ImageAnalytics", "5.0.1"),
        ["Microsoft.ML.OnnxTransformer"] = new("Microsoft.ML.OnnxTransformer", "5.0.1"),
        ["Microsoft.ML.OnnxConverter"] = new("Microsoft.ML.OnnxConverter", "0.23.1"),
        ["Microsoft.ML.Vision"] = new("Microsoft.ML.Vision", "5.0.1"),
        ["Microsoft.ML.TensorFlow"] = new("Microsoft.ML.TensorFlow", "5.0.1"),
        ["Microsoft.ML.Recommender"] = new("Microsoft.ML.Recommender", "0.23.1"),
        ["Microsoft.ML.TimeSeries"] = new("Microsoft.ML.TimeSeries", "5.0.1"),
        ["Microsoft.ML.AutoML"] = new("Microsoft.ML.AutoML", "0.23.1"),
        ["Microsoft.ML.TorchSharp"] = new("Microsoft.ML.TorchSharp", "0.23.1"),
        ["Microsoft.Extensions.ML"] = new("Microsoft.Extensions.ML", "5.0.1"),
        ["Microsoft.Data.Analysis"] = new("Microsoft.Data.Analysis", "0.23.1"),
        ["TorchSharp"] = new("TorchSharp", "0.107.0"),
        ["TorchVision"] = new("TorchVision", "0.107.0"),
        ["Swashbuckle.AspNetCore"] = new("Swashbuckle.AspNetCore.SwaggerUI", "6.2.3"),
        ["Microsoft.AspNetCore.App"] = new("Microsoft.AspNetCore.App.Ref", "8.0.0"),
    };

    private static readonly PackageIdentity[] SourcePackageDependencies =
    [
        new("Microsoft.Extensions.DependencyInjection.Abstractions", "8.0.0"),
        new("Microsoft.Extensions.Options", "8.0.0"),
        new("Microsoft.Extensions.Logging.Abstractions", "8.0.0"),
        new("Microsoft.Extensions.Primitives", "8.0.0"),
        new("Microsoft.Extensions.ObjectPool", "8.0.0"),
        new("TorchSharp", "0.107.0"),
        new("Microsoft.ML.Tokenizers", "2.0.0"),
    ];

    // The ML.NET packages the registry does not serve, each a folder of dotnet/machinelearning's src/; the others ship
    // inside the Microsoft.ML package (Core, Data, StandardTrainers, …) and must not be compiled twice.
    private static readonly HashSet<string> CompiledFromSource = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.Extensions.ML", "Microsoft.ML.TimeSeries", "Microsoft.ML.Recommender", "Microsoft.ML.Vision", "Microsoft.ML.TensorFlow",
        "Microsoft.ML.AutoML", "Microsoft.ML.TorchSharp", "Microsoft.ML.GenAI.Core", "Microsoft.ML.GenAI.Phi", "Microsoft.ML.GenAI.LLaMA", "Microsoft.ML.GenAI.Mistral",
        "Microsoft.ML.SamplesUtils", "Microsoft.ML.Mkl.Components",
    };

    private readonly Dictionary<string, MetadataReference?> fromSource = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<MetadataReference>?> byPackage = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the study did about packages it could not resolve: compiled from source, or left unbound.</summary>
    public SortedSet<string> PackageNotes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<MetadataReference>> ForAsync(IEnumerable<string> packageNames)
    {
        var references = new List<MetadataReference>(await ResolveAsync(null).ConfigureAwait(false) ?? []);
        var names = new HashSet<string>(references.Select(FileName), StringComparer.OrdinalIgnoreCase);
        foreach (var name in packageNames.SelectMany(WithDependencies).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (Known.TryGetValue(name, out var package) && await ResolveAsync(package).ConfigureAwait(false) is { } resolved)
            {
                // Each package is resolved alone (NuGet's resolver refuses some sets the registry serves only in
                // part); an assembly two packages share is taken once.
                references.AddRange(resolved.Where(reference => names.Add(FileName(reference))));
            }
            else if (await FromSourceAsync(name).ConfigureAwait(false) is { } compiled && names.Add(name + ".dll"))
            {
                references.Add(compiled);
            }
        }

        return references;
    }

    /// <summary>The package compiled from its source folder, against Microsoft.ML and the abstractions it builds on.</summary>
    private async Task<MetadataReference?> FromSourceAsync(string name)
    {
        if (fromSource.TryGetValue(name, out var known))
        {
            return known;
        }

        var folder = packageSources is null || !CompiledFromSource.Contains(name) ? null : Path.Combine(packageSources, name);
        if (folder is null || !Directory.Exists(folder))
        {
            fromSource[name] = null;
            return null;
        }

        var references = new List<MetadataReference>(await ResolveAsync(Known["Microsoft.ML"]).ConfigureAwait(false) ?? []);
        references.AddRange(await ReferenceAssemblies.Net.Net80.AddPackages([.. SourcePackageDependencies]).ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false));
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path));
        var compilation = CSharpCompilation.Create(
            name, trees, references.DistinctBy(FileName), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        PackageNotes.Add($"{name} compiled from {folder}");
        known = compilation.ToMetadataReference();
        fromSource[name] = known;
        return known;
    }

    // TorchSharp-cpu, TorchSharp-cuda-windows, … are TorchSharp with native binaries; the managed API is the same.
    // Every ML.NET component package depends on Microsoft.ML, which stays referenced when the component is not served.
    private static IEnumerable<string> WithDependencies(string name)
    {
        if (name.StartsWith("TorchSharp-", StringComparison.OrdinalIgnoreCase))
        {
            return ["TorchSharp"];
        }

        return name.StartsWith("Microsoft.ML.", StringComparison.OrdinalIgnoreCase) || name.Equals("Microsoft.Extensions.ML", StringComparison.OrdinalIgnoreCase)
            ? ["Microsoft.ML", name]
            : [name];
    }

    // The resolver takes a dependency's lowest allowed version only; where the registry serves a later one, name it.
    private static PackageIdentity[] Pinned(PackageIdentity package) => package.Id switch
    {
        "Microsoft.ML.ImageAnalytics" => [new("SkiaSharp", "2.88.9")],
        "Microsoft.ML.OnnxTransformer" => [new("Microsoft.ML.OnnxRuntime.Managed", "1.30.0")],
        _ => [],
    };

    private static string FileName(MetadataReference reference) => Path.GetFileName(reference.Display ?? string.Empty);

    private async Task<IReadOnlyList<MetadataReference>?> ResolveAsync(PackageIdentity? package)
    {
        var id = package?.Id ?? string.Empty;
        if (byPackage.TryGetValue(id, out var known))
        {
            return known;
        }

        try
        {
            var assemblies = package switch
            {
                null => ReferenceAssemblies.Net.Net80,
                // A targeting pack: its reference assemblies are under ref/, where a package's would be under lib/.
                { Id: "Microsoft.AspNetCore.App.Ref" } => new ReferenceAssemblies("net8.0", package, Path.Combine("ref", "net8.0")),
                _ => ReferenceAssemblies.Net.Net80.AddPackages([package, .. Pinned(package)]),
            };
            known = [.. await assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false)];
        }
        catch (Exception exception) when (package is not null && exception is not OperationCanceledException)
        {
            PackageNotes.Add($"{package.Id} {package.Version} not resolved, its types left unbound unless compiled from source: {exception.Message}");
        }

        byPackage[id] = known;
        return known;
    }
}
