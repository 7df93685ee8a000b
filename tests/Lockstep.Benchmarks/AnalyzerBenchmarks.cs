using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Benchmarks;

/// <summary>
/// What the analyzers add to a build of a generated 1,000-file project: the compiler's diagnostics (every method
/// body bound, as a build does) plus the analyzers' — no analyzer (only an empty one, the baseline), Lockstep's,
/// or Meziantou.Analyzer's — on training code that references ML.NET, and on plain .NET code, where the Lockstep
/// analyzers stop at their scope check. Each invocation compiles a fresh compilation of the same parsed trees.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ReferenceResolverConfig))]
public class AnalyzerBenchmarks
{
    private IReadOnlyList<SyntaxTree> trees = [];
    private IReadOnlyList<MetadataReference> references = [];
    private ImmutableArray<DiagnosticAnalyzer> analyzers;

    [Params("ML.NET", "plain .NET")]
    public string Project { get; set; } = "ML.NET";

    [Params("empty", "operation floor", "Lockstep", "Meziantou")]
    public string Analyzers { get; set; } = "empty";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var training = Project == "ML.NET";
        trees = AnalyzerWorkload.Sources(training);
        references = await AnalyzerWorkload.ReferencesAsync(training).ConfigureAwait(false);
        analyzers = Analyzers switch
        {
            "Lockstep" => AnalyzerWorkload.Lockstep(),
            "Meziantou" => AnalyzerWorkload.Meziantou(),
            "operation floor" => AnalyzerWorkload.OperationFloor(),
            _ => AnalyzerWorkload.Empty(),
        };

        // A wrong reference set would make the compiler, not the analyzers, the thing measured.
        var diagnostics = await DiagnosticsAsync().ConfigureAwait(false);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors > 0)
        {
            throw new InvalidOperationException($"the generated {Project} project has {errors} compile errors, first: {diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}");
        }

        var byRule = diagnostics.Where(d => d.Id.StartsWith("LS", StringComparison.Ordinal)).GroupBy(d => d.Id).Select(g => $"{g.Key}×{g.Count()}");
        Console.WriteLine($"// {Project}, {Analyzers}: {diagnostics.Length} diagnostics; Lockstep: {string.Join(", ", byRule)}");
    }

    [Benchmark]
    public async Task<int> BuildDiagnostics() => (await DiagnosticsAsync().ConfigureAwait(false)).Length;

    private Task<ImmutableArray<Diagnostic>> DiagnosticsAsync()
    {
        var compilation = CSharpCompilation.Create(
            "Generated",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        return compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
    }

    /// <summary>
    /// Microsoft.CodeAnalysis.Analyzer.Testing, which only resolves the reference assemblies in the setup, ships
    /// without optimizations; nothing of it runs in the measured code.
    /// </summary>
    private sealed class ReferenceResolverConfig : ManualConfig
    {
        public ReferenceResolverConfig() => WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
