using BenchmarkDotNet.Running;

namespace Lockstep.Benchmarks;

/// <summary>
/// <c>analyzer-study …</c> runs the analyzers over public corpora and <c>analyzer-precision …</c> scores the
/// hand-labelled sample (see <see cref="Precision.AnalyzerStudy"/>, <see cref="Precision.PrecisionReport"/>);
/// <c>generate …</c> writes the side-by-side benchmark data (see <see cref="DataGenerator"/>), <c>generate-events …</c>
/// the DORA history (see <see cref="EventsGenerator"/>), <c>github-requests …</c> counts the GitHub DORA source's
/// requests (see <see cref="GitHubRequests"/>), <c>analyzer-time</c> the analyzers' own time (see
/// <see cref="AnalyzerPassTiming"/>), <c>dashboard-history</c> and <c>dashboard-open</c> the dashboard's history and
/// open time (see <see cref="DashboardTiming"/>); anything else goes to
/// BenchmarkDotNet, e.g. <c>--filter '*'</c> or <c>--list flat</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate")
        {
            return await DataGenerator.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "generate-events")
        {
            return await EventsGenerator.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "github-requests")
        {
            return await GitHubRequests.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "analyzer-study")
        {
            return await Precision.AnalyzerStudy.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "analyzer-precision")
        {
            return await Precision.PrecisionReport.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "analyzer-time")
        {
            return await AnalyzerPassTiming.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "dashboard-history")
        {
            return DashboardTiming.WriteHistory(args[1..]);
        }

        if (args.Length > 0 && args[0] == "dashboard-open")
        {
            return await DashboardTiming.OpenAsync(args[1..]).ConfigureAwait(false);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
