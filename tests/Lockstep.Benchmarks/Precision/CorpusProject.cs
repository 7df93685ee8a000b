using System.Xml.Linq;

namespace Lockstep.Benchmarks.Precision;

/// <summary>
/// One C# project of a corpus, read from its <c>.csproj</c> as far as the study needs: the source files it compiles
/// (those under its folder and not under a nested project's, less <c>Compile Remove</c>, plus <c>Compile Include</c>
/// links), the packages and projects it references, and what the SDK would add (implicit usings, an entry point).
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

    private static CorpusProject Read(string projectFile, IReadOnlyList<string> owned)
    {
        var document = XDocument.Load(projectFile);
        var elements = document.Descendants().ToList();
        var sources = CompiledSources(projectFile, document, elements, owned);
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

    // What the SDK compiles: the files under the project's folder (for an SDK-style project) less <Compile Remove>,
    // plus <Compile Include> items, linked files from shared folders included; an old-style project compiles only
    // what it includes.
    private static List<string> CompiledSources(string projectFile, XDocument document, List<XElement> elements, IReadOnlyList<string> owned)
    {
        var folder = Path.GetDirectoryName(projectFile)!;
        var compileItems = elements.Where(e => e.Name.LocalName == "Compile").ToList();
        var removed = compileItems.Select(e => e.Attribute("Remove")?.Value).OfType<string>().SelectMany(Split).Select(Glob).ToList();
        var sdkStyle = document.Root?.Attribute("Sdk") is not null;
        var sources = sdkStyle ? owned.Where(file => !removed.Any(pattern => pattern.IsMatch(Relative(folder, file)))).ToList() : [];
        foreach (var include in compileItems.Select(e => e.Attribute("Include")?.Value).OfType<string>().SelectMany(Split))
        {
            if (include.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            var file = Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/')));
            if (File.Exists(file) && !sources.Contains(file, StringComparer.Ordinal))
            {
                sources.Add(file);
            }
        }

        return sources;
    }

    private static IEnumerable<string> Split(string items) => items.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    // MSBuild's item patterns: ** any folders, * and ? within one name.
    private static System.Text.RegularExpressions.Regex Glob(string pattern)
    {
        var text = System.Text.RegularExpressions.Regex.Escape(pattern.Replace('\\', '/'))
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new System.Text.RegularExpressions.Regex("^" + text + "$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
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
