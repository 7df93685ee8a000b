using System.Globalization;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Evaluation;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;
using Lockstep.Core.Monitoring;
using Lockstep.Data;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The metrics of the serving window beyond drift, from the current data's label, score, latency and timestamp columns
/// (one read of just those columns), and the metric families they measure.
/// </summary>
public static class ServingWindowMetrics
{
    public static async Task<(IReadOnlyDictionary<string, double> Metrics, IReadOnlySet<MetricFamily> Measured)> ReadAsync(
        MonitorRunSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var measured = new HashSet<MetricFamily> { MetricFamily.Drift };
        var requests = Requests(settings);
        if (requests.Count == 0)
        {
            return (new Dictionary<string, double>(StringComparer.Ordinal), measured);
        }

        if (settings.Data.CurrentSql is not null)
        {
            throw new InputException(
                "--current-sql", null, null, "--label, --score, --latency and --timestamp read their columns from a --current file; with a database, gate drift here and the rest with lockstep eval and lockstep freshness");
        }

        var source = settings.Data.CurrentPath;
        var path = context.Resolve(source);
        using var progress = new ReadProgressDisplay(source, context);
        var table = await TableReader.ReadAsync(path, source, requests, new TableReadOptions { Delimiter = settings.Data.Delimiter, Progress = progress }, cancellationToken)
            .ConfigureAwait(false);
        progress.Done(table.Rows);

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (settings.LabelColumn is { } label && settings.ScoreColumn is { } score)
        {
            Add(metrics, Labelled(table, label, score, settings.Threshold, source));
            measured.Add(MetricFamily.Quality);
        }

        if (settings.LatencyColumn is { } latency)
        {
            Add(metrics, Guard(() => PredictionEvaluator.Latency(table.Column<NumberColumn>(latency).Memory.Span), source, latency));
            measured.Add(MetricFamily.Latency);
        }

        if (settings.TimestampColumn is { } timestamp)
        {
            Add(metrics, Freshness(table.Column<TimestampColumn>(timestamp), settings.AsOf, source));
            measured.Add(MetricFamily.Freshness);
        }

        return (metrics, measured);
    }

    private static List<ColumnRequest> Requests(MonitorRunSettings settings)
    {
        var requests = new List<ColumnRequest>();
        if (settings.LabelColumn is { } label && settings.ScoreColumn is { } score)
        {
            requests.Add(new ColumnRequest(score, ColumnKind.Number));
            requests.Add(new ColumnRequest(label, ColumnKind.Label));
        }

        if (settings.LatencyColumn is { } latency)
        {
            requests.Add(new ColumnRequest(latency, ColumnKind.Number));
        }

        if (settings.TimestampColumn is { } timestamp)
        {
            requests.Add(new ColumnRequest(timestamp, ColumnKind.Timestamp, AllowMissing: true, Latest: settings.AsOf));
        }

        return requests;
    }

    private static IReadOnlyDictionary<string, double> Labelled(Table table, string label, string score, double threshold, string source)
    {
        var set = new PredictionSet
        {
            Task = PredictionTask.Binary,
            Scores = table.Column<NumberColumn>(score).Memory,
            Labels = table.Column<LabelColumn>(label).Memory,
            Threshold = threshold,
        };
        return Guard(() => PredictionEvaluator.Evaluate(set).Metrics, source, label);
    }

    private static IReadOnlyDictionary<string, double> Freshness(TimestampColumn column, DateTimeOffset asOf, string source)
    {
        var newest = TimestampColumn.Missing;
        foreach (var tick in column.UtcTicks)
        {
            newest = Math.Max(newest, tick);
        }

        if (newest == TimestampColumn.Missing)
        {
            throw new InputException(source, null, $"column '{column.Name}'", "no timestamps (every value is missing)");
        }

        var report = FreshnessReport.Create(
            asOf,
            new InputDigest("data", source, string.Empty),
            new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) { [column.Name] = new DateTimeOffset(newest, TimeSpan.Zero) });
        return report.Metrics;
    }

    private static IReadOnlyDictionary<string, double> Guard(Func<IReadOnlyDictionary<string, double>> compute, string source, string column)
    {
        try
        {
            return compute();
        }
        catch (MetricException e)
        {
            throw new InputException(source, null, $"column '{column}'", e.Message);
        }
    }

    private static void Add(Dictionary<string, double> metrics, IReadOnlyDictionary<string, double> more)
    {
        foreach (var (name, value) in more)
        {
            metrics[name] = value;
        }
    }

    internal static string Describe(IReadOnlySet<MetricFamily> measured) =>
        string.Join(", ", measured.Order().Select(f => f.ToString().ToLower(CultureInfo.InvariantCulture)));
}
