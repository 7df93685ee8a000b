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
/// The metrics of the serving window beyond drift, from the current data's label, score, latency and timestamp columns,
/// and the metric families they measure.
/// </summary>
public static class ServingWindowMetrics
{
    /// <summary>The families the settings' columns measure; drift always.</summary>
    /// <exception cref="InputException">A label, score, latency or timestamp column with the current rows in a database.</exception>
    public static IReadOnlySet<MetricFamily> Measured(MonitorRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var measured = new HashSet<MetricFamily> { MetricFamily.Drift };
        if (settings.LabelColumn is not null && settings.ScoreColumn is not null)
        {
            measured.Add(MetricFamily.Quality);
        }

        if (settings.LatencyColumn is not null)
        {
            measured.Add(MetricFamily.Latency);
        }

        if (settings.TimestampColumn is not null)
        {
            measured.Add(MetricFamily.Freshness);
        }

        if (measured.Count > 1 && settings.Data.CurrentSql is not null)
        {
            throw new InputException(
                "--current-sql", null, null, "--label, --score, --latency and --timestamp read their columns from a --current file; with a database, gate drift here and the rest with lockstep eval and lockstep freshness");
        }

        return measured;
    }

    /// <summary>One read of just the label, score, latency and timestamp columns of the current file, for when the drift did not read them.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> ReadAsync(MonitorRunSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var requests = Requests(settings);
        if (requests.Count == 0)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        var source = settings.Data.CurrentPath;
        using var progress = new ReadProgressDisplay(source, context);
        var table = await TableReader.ReadAsync(context.Resolve(source), source, requests, new TableReadOptions { Delimiter = settings.Data.Delimiter, Progress = progress }, cancellationToken)
            .ConfigureAwait(false);
        progress.Done(table.Rows);
        return Compute(settings, table);
    }

    /// <summary>The metrics from a table of the current data holding the settings' columns.</summary>
    public static IReadOnlyDictionary<string, double> Compute(MonitorRunSettings settings, Table table)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(table);
        var source = settings.Data.CurrentPath;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (settings.LabelColumn is { } label && settings.ScoreColumn is { } score)
        {
            Add(metrics, Labelled(table, label, score, settings.Threshold, source));
        }

        if (settings.LatencyColumn is { } latency)
        {
            Add(metrics, Guard(() => PredictionEvaluator.Latency(table.Column<NumberColumn>(latency).Memory.Span), source, latency));
        }

        if (settings.TimestampColumn is { } timestamp)
        {
            Add(metrics, Freshness(table.Column<TimestampColumn>(timestamp), settings.AsOf, source));
        }

        return metrics;
    }

    /// <summary>The current data's columns these settings read beyond the features.</summary>
    public static List<ColumnRequest> Requests(MonitorRunSettings settings)
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
        var newest = column.Newest();
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
