using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>Computes a report card's metrics from predictions: the task's metrics, latency percentiles, and per slice.</summary>
public static class PredictionEvaluator
{
    internal static readonly (string Name, double Percent)[] LatencyPercentiles =
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
        var sliceResults = new (Dictionary<string, double> Metrics, List<string> Notes)[parts.Count];
        Dictionary<string, double>? metrics = null;
        List<string> overallNotes = [];
        var resampleDone = ResampleCounter(set, parts.Count);

        // The overall metrics and each slice's are independent: compute them side by side.
        RunAll(-1, parts.Count, i =>
        {
            if (i < 0)
            {
                (metrics, overallNotes) = MetricsOf(set, 0, resampleDone);
                return;
            }

            var subset = Subset(set, parts[i].Rows);
            try
            {
                var (sliceMetrics, notes) = MetricsOf(subset, i + 1, resampleDone);
                sliceResults[i] = (sliceMetrics, notes.Select(note => $"slice {parts[i].Name}: {note}").ToList());
            }
            catch (MetricException e)
            {
                // A slice with one class still gets its other metrics; the gate errors if it needs the missing one.
                var (sliceMetrics, notes) = MetricsOf(subset, i + 1, resampleDone, withAuc: false);
                sliceResults[i] = (sliceMetrics, notes.Prepend(e.Message).Select(note => $"slice {parts[i].Name}: {note}").ToList());
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

        notes.AddRange(overallNotes);
        notes.AddRange(sliceResults.SelectMany(r => r.Notes));
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

    /// <summary>
    /// The set's metrics, with the bootstrap intervals when asked for, and notes on what could not be computed (the
    /// paired AUC comparison in part, an interval too few resamples define).
    /// </summary>
    private static (Dictionary<string, double> Metrics, List<string> Notes) MetricsOf(PredictionSet set, int setOrdinal, Action? resampleDone, bool withAuc = true)
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

        var notes = new List<string>();
        if (withAuc && set.Task == PredictionTask.Binary && set.BaselineScores is { } baseline
            && PairedAucMetrics.Add(metrics, set.Scores.Span, baseline.Span, set.Labels.Span, set.ConfidenceLevel) is { } note)
        {
            notes.Add(note);
        }

        if (set.Bootstrap.Resamples > 0 || set.BaselineScores is not null)
        {
            metrics[BootstrapMetrics.Rows] = set.Rows;
        }

        if (set.Bootstrap.Resamples > 0)
        {
            notes.AddRange(BootstrapMetrics.Add(metrics, set, setOrdinal, resampleDone));
        }

        return (metrics, notes);
    }

    /// <summary>Reports the share of the resamples done (the whole set's and each slice's), when the caller watches.</summary>
    private static Action? ResampleCounter(PredictionSet set, int slices)
    {
        if (set.Bootstrap.Progress is not { } progress || set.Bootstrap.Resamples == 0)
        {
            return null;
        }

        var total = (double)set.Bootstrap.Resamples * (slices + 1);
        long done = 0;
        return () => progress.Report(Interlocked.Increment(ref done) / total);
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

    internal static T[] Gather<T>(ReadOnlySpan<T> values, int[] rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
