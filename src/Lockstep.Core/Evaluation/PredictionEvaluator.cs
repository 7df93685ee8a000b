using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>Computes a report card's metrics from predictions: the task's metrics, latency percentiles, and per slice.</summary>
public static class PredictionEvaluator
{
    private static readonly (string Name, double Percent)[] LatencyPercentiles =
        [("latency.p50_ms", 50), ("latency.p90_ms", 90), ("latency.p95_ms", 95), ("latency.p99_ms", 99), ("latency.max_ms", 100)];

    /// <exception cref="MetricException">The overall metrics are undefined (no rows, one class only).</exception>
    /// <exception cref="ArgumentException">
    /// A score, target or latency is NaN or infinite (named by its row index: <c>scores[17] is NaN</c>), a column's
    /// length differs from the scores', or the threshold is not finite.
    /// </exception>
    public static EvaluationResult Evaluate(PredictionSet set)
    {
        if (set.Rows == 0)
        {
            throw new MetricException("no rows to evaluate");
        }

        PredictionSetChecks.Require(set);

        var parts = set.Slices.SelectMany(Partition).ToList();
        var sliceResults = new (Dictionary<string, double> Metrics, string? Note)[parts.Count];
        Dictionary<string, double>? metrics = null;
        string? overallNote = null;

        // The overall metrics and each slice's are independent: compute them side by side.
        RunAll(-1, parts.Count, i =>
        {
            if (i < 0)
            {
                (metrics, overallNote) = MetricsOf(set);
                return;
            }

            var subset = Subset(set, parts[i].Rows);
            try
            {
                var (sliceMetrics, note) = MetricsOf(subset);
                sliceResults[i] = (sliceMetrics, note is null ? null : $"slice {parts[i].Name}: {note}");
            }
            catch (MetricException e)
            {
                // A slice with one class still gets its other metrics; the gate errors if it needs the missing one.
                sliceResults[i] = (MetricsOf(subset, withAuc: false).Metrics, $"slice {parts[i].Name}: {e.Message}");
            }
        });

        var slices = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            slices[parts[i].Name] = sliceResults[i].Metrics;
        }

        // A slice holding a score outside [0, 1] lacks log_loss and brier too; the set's own note names the first such row.
        var notes = new List<string>();
        if (set.Task == PredictionTask.Binary && ProbabilityNote(set.Scores.Span) is { } probabilityNote)
        {
            notes.Add(probabilityNote);
        }

        if (overallNote is not null)
        {
            notes.Add(overallNote);
        }

        notes.AddRange(sliceResults.Where(r => r.Note is not null).Select(r => r.Note!));
        return new EvaluationResult(metrics!, slices, notes);
    }

    /// <summary>Why a binary set has no <c>log_loss</c> and <c>brier</c>: its first score that is not a probability.</summary>
    private static string? ProbabilityNote(ReadOnlySpan<double> scores)
    {
        var index = ClassificationMetrics.FirstNonProbability(scores);
        return index < 0
            ? null
            : $"log_loss and brier left out: the score of row {index + 1} (scores[{index}]) is {ClassificationMetrics.OutsideText(scores[index])}, outside [0, 1]; they need probabilities";
    }

    /// <summary>Parallel.For that rethrows a metric error as itself, not wrapped.</summary>
    private static void RunAll(int from, int to, Action<int> body)
    {
        try
        {
            Parallel.For(from, to, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<MetricException>().FirstOrDefault() is { } metric)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(metric);
        }
    }

    /// <summary>The set's metrics, and a note when the paired AUC comparison could be computed only in part.</summary>
    private static (Dictionary<string, double> Metrics, string? Note) MetricsOf(PredictionSet set, bool withAuc = true)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var task = set.Task == PredictionTask.Binary
            ? (withAuc ? ClassificationMetrics.Compute(set.Scores.Span, set.Labels.Span, set.Threshold) : ClassificationMetrics.WithoutAuc(set.Scores.Span, set.Labels.Span, set.Threshold))
            : RegressionMetrics.Compute(set.Targets.Span, set.Scores.Span);
        foreach (var (name, value) in task)
        {
            metrics[name] = value;
        }

        if (set.LatencyMs is { } latency)
        {
            foreach (var (name, value) in Latency(latency.Span))
            {
                metrics[name] = value;
            }
        }

        var note = withAuc && set.Task == PredictionTask.Binary && set.BaselineScores is { } baseline
            ? PairedAucMetrics.Add(metrics, set.Scores.Span, baseline.Span, set.Labels.Span, set.ConfidenceLevel)
            : null;
        return (metrics, note);
    }

    /// <summary>The latency percentiles <c>latency.p50_ms</c> … <c>latency.max_ms</c> (linear interpolation, as numpy).</summary>
    /// <exception cref="MetricException">No latencies.</exception>
    public static IReadOnlyDictionary<string, double> Latency(ReadOnlySpan<double> latencyMs)
    {
        if (latencyMs.IsEmpty)
        {
            throw new MetricException("no latencies to take percentiles of");
        }

        var sorted = latencyMs.ToArray();
        RadixSort.Sort(sorted);
        var values = Percentile.Linear(sorted, LatencyPercentiles.Select(p => p.Percent).ToArray());
        return LatencyPercentiles.Select((p, i) => (p.Name, Value: values[i])).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>Row indices per distinct slice value, named <c>column=value</c>; missing values form <c>column=</c>.</summary>
    private static IEnumerable<(string Name, int[] Rows)> Partition(SliceColumn slice)
    {
        var codes = slice.Codes.Span;
        var sizes = new int[slice.Values.Count + 1];
        foreach (var code in codes)
        {
            sizes[code + 1]++;
        }

        var rows = sizes.Select(size => new int[size]).ToArray();
        var filled = new int[sizes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var group = codes[i] + 1;
            rows[group][filled[group]++] = i;
        }

        for (var group = 0; group < rows.Length; group++)
        {
            if (rows[group].Length > 0)
            {
                yield return ($"{slice.Name}={(group == 0 ? string.Empty : slice.Values[group - 1])}", rows[group]);
            }
        }
    }

    private static PredictionSet Subset(PredictionSet set, int[] rows) => set with
    {
        Scores = Gather(set.Scores.Span, rows),
        Labels = set.Task == PredictionTask.Binary ? Gather(set.Labels.Span, rows) : default,
        Targets = set.Task == PredictionTask.Regression ? Gather(set.Targets.Span, rows) : default,
        LatencyMs = set.LatencyMs is { } latency ? Gather(latency.Span, rows) : (ReadOnlyMemory<double>?)null,
        BaselineScores = set.BaselineScores is { } baseline ? Gather(baseline.Span, rows) : (ReadOnlyMemory<double>?)null,
        Slices = [],
    };

    private static T[] Gather<T>(ReadOnlySpan<T> values, int[] rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
