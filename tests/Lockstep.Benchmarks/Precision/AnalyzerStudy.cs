using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Lockstep.PrecisionStudy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Benchmarks.Precision;

/// <summary>
/// <c>analyzer-study --corpus NAME=DIR[@COMMIT] … [--package-sources DIR] --out FILE</c>: compiles every C# project of each corpus folder
/// against the packages it references and writes each Lockstep diagnostic as one JSON line (rule, corpus, path,
/// line, column, message). Per project it prints the files, the compiler errors (types the study could not bind) and
/// the findings to standard error, so a project that barely binds is visible next to its numbers.
/// </summary>
internal static class AnalyzerStudy
{
    private static readonly string[] ImplicitUsings =
        ["System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebImplicitUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var corpora = new List<Corpus>();
        string? output = null;
        string? packageSources = null;
        string? showErrors = null;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--corpus":
                    corpora.Add(Corpus.Parse(args[i + 1]));
                    break;
                case "--package-sources":
                    packageSources = Path.GetFullPath(args[i + 1]);
                    break;
                case "--show-errors":
                    showErrors = args[i + 1];
                    break;
                case "--out":
                    output = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine($"analyzer-study: unknown option {args[i]}");
                    return 2;
            }
        }

        if (corpora.Count == 0 || output is null)
        {
            Console.Error.WriteLine("usage: analyzer-study --corpus NAME=DIR[@COMMIT] [--corpus …] [--package-sources DIR] [--show-errors PATH-PART] --out diagnostics.jsonl");
            return 2;
        }

        foreach (var missing in corpora.Where(c => !Directory.Exists(c.Root)).Select(c => c.Root).Append(packageSources).OfType<string>().Where(d => !Directory.Exists(d)))
        {
            Console.Error.WriteLine($"analyzer-study: {missing}: no such folder");
            return 2;
        }

        var references = new CorpusReferences(packageSources);
        var analyzers = AnalyzerWorkload.Lockstep();
        var findings = new List<StudyFinding>();
        var watch = Stopwatch.StartNew();
        foreach (var corpus in corpora)
        {
            var projects = CorpusProject.Find(corpus.Root);
            var compiled = new Dictionary<string, Compilation>(StringComparer.Ordinal);
            foreach (var project in projects)
            {
                var compilation = await CompileAsync(project, projects, compiled, references).ConfigureAwait(false);
                var errorList = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                var errors = errorList.Count;
                foreach (var error in errorList.Where(e => showErrors is not null && e.Location.GetLineSpan().Path.Contains(showErrors, StringComparison.Ordinal)))
                {
                    Console.Error.WriteLine(error.ToString());
                }

                var diagnostics = await compilation
                    .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), OnAnalyzerException, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                    .GetAnalyzerDiagnosticsAsync()
                    .ConfigureAwait(false);
                var found = diagnostics.Where(d => d.Id.StartsWith("LS", StringComparison.Ordinal) && d.Location.IsInSource).Select(d => Findings.From(corpus, d)).ToList();
                findings.AddRange(found);
                Console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{corpus.Name}: {Path.GetRelativePath(corpus.Root, project.ProjectFile)}: {project.Sources.Count} files, {errors} compiler errors, {found.Count} findings"));
            }
        }

        // A file linked into several projects (a shared ConsoleHelper.cs) is one place in the corpus.
        findings = findings.DistinctBy(f => f.Key).ToList();
        findings.Sort();
        if (!crashes.IsEmpty)
        {
            foreach (var crash in crashes.Distinct(StringComparer.Ordinal).Take(5))
            {
                Console.Error.WriteLine(crash);
            }

            Console.Error.WriteLine($"analyzer-study: {crashes.Count} analyzer exceptions: the study is not valid");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllLinesAsync(output, findings.Select(f => f.ToJson())).ConfigureAwait(false);
        foreach (var missing in references.PackageNotes)
        {
            Console.Error.WriteLine($"package: {missing}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{findings.Count} findings in {corpora.Count} corpora ({string.Join(", ", findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}) in {watch.Elapsed.TotalSeconds:F0} s → {output}"));
        return 0;
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> crashes = [];

    // An analyzer that throws reports nothing where it threw: a study with a crash would count silence as precision.
    private static void OnAnalyzerException(Exception exception, DiagnosticAnalyzer analyzer, Diagnostic diagnostic) =>
        crashes.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message.Split('\n')[0]}");

    private static async Task<Compilation> CompileAsync(
        CorpusProject project, IReadOnlyList<CorpusProject> all, Dictionary<string, Compilation> compiled, CorpusReferences references)
    {
        if (compiled.TryGetValue(project.ProjectFile, out var done))
        {
            return done;
        }

        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = project.Sources.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path)).ToList();
        if (project.ImplicitUsings)
        {
            var usings = project.Web ? ImplicitUsings.Concat(WebImplicitUsings) : ImplicitUsings;
            trees.Add(CSharpSyntaxTree.ParseText(string.Concat(usings.Select(u => $"global using global::{u};\n")), parse, "ImplicitUsings.g.cs"));
        }

        var metadata = new List<MetadataReference>(await references.ForAsync(Packages(project, all)).ConfigureAwait(false));
        foreach (var reference in project.ProjectReferences)
        {
            if (all.FirstOrDefault(p => string.Equals(p.ProjectFile, reference, StringComparison.Ordinal)) is { } referenced)
            {
                metadata.Add((await CompileAsync(referenced, all, compiled, references).ConfigureAwait(false)).ToMetadataReference());
            }
        }

        var kind = project.Executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(project.ProjectFile), trees, metadata, new CSharpCompilationOptions(kind, allowUnsafe: true));
        compiled[project.ProjectFile] = compilation;
        return compilation;
    }

    // A referenced project's packages flow to the projects that reference it, as NuGet's transitive restore does.
    private static IEnumerable<string> Packages(CorpusProject project, IReadOnlyList<CorpusProject> all) =>
        project.Packages.Concat(project.Web ? ["Microsoft.AspNetCore.App"] : []).Concat(project.ProjectReferences
            .Select(reference => all.FirstOrDefault(p => string.Equals(p.ProjectFile, reference, StringComparison.Ordinal)))
            .OfType<CorpusProject>()
            .SelectMany(referenced => Packages(referenced, all)));
}

/// <summary>A corpus: a name, the folder of its sources, and the commit they were taken from.</summary>
internal sealed record Corpus(string Name, string Root, string Commit)
{
    public static Corpus Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var at = text.LastIndexOf('@');
        var root = at > equals ? text[(equals + 1)..at] : text[(equals + 1)..];
        return new Corpus(text[..equals], Path.GetFullPath(root), at > equals ? text[(at + 1)..] : string.Empty);
    }
}
