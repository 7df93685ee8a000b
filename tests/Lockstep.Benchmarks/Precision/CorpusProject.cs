using System.Xml.Linq;

namespace Lockstep.Benchmarks.Precision;

/// <summary>
/// One C# project of a corpus, read from its <c>.csproj</c> as far as the study needs: its own source files (those
/// under its folder and not under a nested project's), the packages and projects it references, and what the SDK
/// would add (implicit usings, an executable's entry point).
/// </summary>
internal sealed record CorpusProject(
    string ProjectFile,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> ProjectReferences,
    bool ImplicitUsings,
    bool Web,
    bool Executable)
{
    /// <summary>Every project under <paramref name="root"/>, each with the source files it owns.</summary>
    public static IReadOnlyList<CorpusProject> Find(string root)
    {
        var projectFiles = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();
        var owners = projectFiles
            .GroupBy(path => Path.GetDirectoryName(path)!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(path => !IsBuildOutput(root, path)).Order(StringComparer.Ordinal))
        {
            if (Owner(file, owners) is { } owner)
            {
                (sources.TryGetValue(owner, out var list) ? list : sources[owner] = []).Add(file);
            }
        }

        return projectFiles.Select(path => Read(path, sources.TryGetValue(path, out var files) ? files : [])).ToList();
    }

    private static CorpusProject Read(string projectFile, IReadOnlyList<string> sources)
    {
        var document = XDocument.Load(projectFile);
        var elements = document.Descendants().ToList();
        string? Property(string name) => elements.LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        var sdk = document.Root?.Attribute("Sdk")?.Value ?? string.Empty;
        var outputType = Property("OutputType") ?? string.Empty;
        return new CorpusProject(
            projectFile,
            sources,
            elements.Where(e => e.Name.LocalName == "PackageReference").Select(e => e.Attribute("Include")?.Value).OfType<string>()
                .Concat(PackagesBuiltHere(elements))
                .ToList(),
            elements.Where(e => e.Name.LocalName == "ProjectReference").Select(e => e.Attribute("Include")?.Value).OfType<string>()
                .Select(reference => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectFile)!, reference.Replace('\\', '/'))))
                .ToList(),
            ImplicitUsings: string.Equals(Property("ImplicitUsings"), "enable", StringComparison.OrdinalIgnoreCase) || string.Equals(Property("ImplicitUsings"), "true", StringComparison.OrdinalIgnoreCase),
            Web: sdk.Contains(".Web", StringComparison.OrdinalIgnoreCase) || sdk.Contains("Razor", StringComparison.OrdinalIgnoreCase),
            Executable: outputType.Contains("Exe", StringComparison.OrdinalIgnoreCase) || sdk.Contains(".Web", StringComparison.OrdinalIgnoreCase));
    }

    // A project of the library itself (docs/samples referencing ../../src/Microsoft.ML.Vision) stands for its package.
    private static readonly string[] LibraryPrefixes = ["Microsoft.ML", "Microsoft.Extensions.ML", "Microsoft.Data.Analysis", "TorchSharp"];

    private static IEnumerable<string> PackagesBuiltHere(List<XElement> elements) =>
        elements.Where(e => e.Name.LocalName == "ProjectReference").Select(e => e.Attribute("Include")?.Value).OfType<string>()
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Replace('\\', '/')))
            .Where(name => LibraryPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));

    // The nearest folder upwards that holds a project owns the file.
    private static string? Owner(string file, Dictionary<string, string> owners)
    {
        for (var folder = Path.GetDirectoryName(file); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (owners.TryGetValue(folder, out var project))
            {
                return project;
            }
        }

        return null;
    }

    private static bool IsBuildOutput(string root, string path) =>
        Path.GetRelativePath(root, path).Split('/', '\\').Any(segment => segment is "obj" or "bin");
}
