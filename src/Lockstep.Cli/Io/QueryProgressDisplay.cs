using System.Globalization;
using Lockstep.Warehouse;

namespace Lockstep.Cli.Io;

/// <summary>
/// Shows the queries of a drift computed in a database: on a terminal a redrawn line naming the feature and the query
/// that just finished; in CI logs one summary line when done.
/// </summary>
public sealed class QueryProgressDisplay(string database, int features, CliContext context) : IDisposable
{
    private readonly TerminalLine line = new(context);
    private int queries;
    private int featuresDone;

    public void Report(QueryDone done)
    {
        var count = Interlocked.Increment(ref queries);
        line.Draw(() => string.Create(
            CultureInfo.InvariantCulture,
            $"querying {database}: feature {Math.Min(featuresDone + 1, features):N0} of {features:N0}{(done.Feature.Length > 0 ? $" ({done.Feature})" : string.Empty)}, {done.Step} done in {done.Elapsed.TotalSeconds:0.0} s; {Queries(count)}"));
    }

    public void FeatureDone() => Interlocked.Increment(ref featuresDone);

    /// <summary>Clears the progress line and prints the summary.</summary>
    public void Done()
    {
        line.Clear();
        context.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"queried {database}: {features:N0} {(features == 1 ? "feature" : "features")}, {Queries(queries)} in {line.Elapsed.TotalSeconds:0.0} s"));
    }

    private static string Queries(int count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? "query" : "queries")}");

    public void Dispose() => line.Dispose();
}
