using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Benchmarks;

/// <summary>
/// <c>analyzer-time [--runs N] [--each | --build | --own]</c>: the wall time of the analyzer pass alone on the generated projects of
/// <see cref="AnalyzerWorkload"/>, median of N fresh compilations: the compiler's own diagnostics are computed
/// first (untimed), then only <c>GetAnalyzerDiagnosticsAsync</c> is timed — the analyzers' binding, operation trees
/// and callbacks. Less sensitive to a busy machine than the difference of two whole-build timings.
/// </summary>
internal static class AnalyzerPassTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        if (args.Contains("--each"))
        {
            return await EachAsync(runs).ConfigureAwait(false);
        }

        if (args.Contains("--build"))
        {
            return await BuildAsync(runs).ConfigureAwait(false);
        }

        if (args.Contains("--own"))
        {
            return await OwnTimeAsync(runs).ConfigureAwait(false);
        }

        Console.WriteLine("| Project | Analyzers | Analyzer pass, median of " + runs + " (ms) | Lockstep diagnostics |");
        Console.WriteLine("|---|---|--:|--:|");
        foreach (var training in new[] { true, false })
        {
            var trees = AnalyzerWorkload.Sources(training);
            var references = await AnalyzerWorkload.ReferencesAsync(training).ConfigureAwait(false);
            foreach (var (name, analyzers) in new[] { ("operation floor", AnalyzerWorkload.OperationFloor()), ("Lockstep", AnalyzerWorkload.Lockstep()), ("Meziantou", AnalyzerWorkload.Meziantou()) })
            {
                var times = new List<double>();
                var found = 0;
                for (var run = 0; run < runs; run++)
                {
                    var (milliseconds, diagnostics) = await MeasureAsync(trees, references, analyzers).ConfigureAwait(false);
                    times.Add(milliseconds);
                    found = diagnostics;
                }

                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(training ? "ML.NET" : "plain .NET")} | {name} | {times[times.Count / 2]:F1} | {found} |"));
            }
        }

        return 0;
    }

    /// <summary>Each Lockstep analyzer alone on the ML.NET project: where the time goes.</summary>
    private static async Task<int> EachAsync(int runs)
    {
        var trees = AnalyzerWorkload.Sources(training: true);
        var references = await AnalyzerWorkload.ReferencesAsync(training: true).ConfigureAwait(false);
        Console.WriteLine("| Analyzer | Analyzer pass, median of " + runs + " (ms) |");
        Console.WriteLine("|---|--:|");
        foreach (var analyzer in AnalyzerWorkload.Lockstep())
        {
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                times.Add((await MeasureAsync(trees, references, [analyzer]).ConfigureAwait(false)).Milliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {analyzer.GetType().Name} | {times[times.Count / 2]:F1} |"));
        }

        return 0;
    }

    /// <summary>
    /// What a build pays for the Lockstep analyzers: the compiler's and the analyzers' diagnostics together
    /// (<c>GetAllDiagnosticsAsync</c>, as a build computes them) with all Lockstep analyzers and with an empty one,
    /// run in turn (empty, Lockstep, empty, …) so that a busy machine slows both alike; the medians and their difference.
    /// </summary>
    private static async Task<int> BuildAsync(int runs)
    {
        Console.WriteLine("| Project | Compiler alone, median of " + runs + " (ms) | With the Lockstep analyzers (ms) | Extra (ms) |");
        Console.WriteLine("|---|--:|--:|--:|");
        foreach (var training in new[] { true, false })
        {
            var trees = AnalyzerWorkload.Sources(training);
            var references = await AnalyzerWorkload.ReferencesAsync(training).ConfigureAwait(false);
            var empty = new List<double>();
            var lockstep = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                empty.Add(await BuildMillisecondsAsync(trees, references, AnalyzerWorkload.Empty()).ConfigureAwait(false));
                lockstep.Add(await BuildMillisecondsAsync(trees, references, AnalyzerWorkload.Lockstep()).ConfigureAwait(false));
            }

            empty.Sort();
            lockstep.Sort();
            var (alone, with) = (empty[runs / 2], lockstep[runs / 2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(training ? "ML.NET" : "plain .NET")} | {alone:F0} | {with:F0} | {with - alone:+0;-0} |"));
        }

        return 0;
    }

    /// <summary>
    /// Each Lockstep analyzer's own time on the ML.NET project, as the compiler's analyzer telemetry counts it (the
    /// time in the analyzer's callbacks, what Visual Studio and <c>-p:ReportAnalyzer=true</c> report), without the
    /// binding every operation analyzer shares: the median of N runs per analyzer and the median of their sums.
    /// </summary>
    private static async Task<int> OwnTimeAsync(int runs)
    {
        var trees = AnalyzerWorkload.Sources(training: true);
        var references = await AnalyzerWorkload.ReferencesAsync(training: true).ConfigureAwait(false);
        var analyzers = AnalyzerWorkload.Lockstep();
        var times = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        var totals = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var compilation = CSharpCompilation.Create(
                "Generated", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            _ = compilation.GetDiagnostics();
            _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            var total = 0.0;
            foreach (var analyzer in analyzers)
            {
                var milliseconds = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
                times[analyzer.GetType().Name].Add(milliseconds);
                total += milliseconds;
            }

            totals.Add(total);
        }

        Console.WriteLine("| Analyzer | Own time, median of " + runs + " (ms) |");
        Console.WriteLine("|---|--:|");
        foreach (var (name, values) in times.OrderByDescending(pair => Median(pair.Value)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(values):F1} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **all {analyzers.Length}** | **{Median(totals):F1}** |"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<double> BuildMillisecondsAsync(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = CSharpCompilation.Create(
            "Generated", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var watch = Stopwatch.StartNew();
        _ = await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<(double Milliseconds, int LockstepDiagnostics)> MeasureAsync(
        IReadOnlyList<SyntaxTree> trees, IReadOnlyList<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = CSharpCompilation.Create(
            "Generated", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _ = compilation.GetDiagnostics();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, diagnostics.Count(d => d.Id.StartsWith("LS", StringComparison.Ordinal)));
    }
}
