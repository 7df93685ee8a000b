using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// The report card's bootstrap intervals (<see cref="BootstrapOptions.Resamples"/> &gt; 0): for each metric M of the
/// task and the latency, <c>M.se</c>, <c>M.ci_low</c> and <c>M.ci_high</c> from the resamples
/// (<see cref="BootstrapSummary"/>); for <c>auc</c> the same names from DeLong's variance
/// (<see cref="DeLongAucInterval"/>); with a baseline's scores, for each classification metric but the AUC,
/// <c>M.baseline</c>, <c>M.delta</c> (candidate minus baseline) and <c>M.delta.se</c>, <c>.ci_low</c>, <c>.ci_high</c>
/// from the same resamples applied to both scorings.
/// </summary>
public static class BootstrapMetrics
{
    /// <summary>The number of labelled rows evaluated, written with any interval.</summary>
    public const string Rows = "rows";

    public const string StandardError = ".se";
    public const string CiLow = ".ci_low";
    public const string CiHigh = ".ci_high";
    public const string Baseline = ".baseline";
    public const string Delta = ".delta";

    /// <summary>Adds the intervals of <paramref name="set"/>'s metrics, already in <paramref name="metrics"/>; returns notes on the ones left out.</summary>
    /// <param name="set">A set with at least one row; its slices are not looked at (each slice is a set of its own).</param>
    /// <param name="setOrdinal">0 for the whole set, 1 + i for the i-th slice: keys the random streams.</param>
    internal static List<string> Add(IDictionary<string, double> metrics, PredictionSet set, int setOrdinal, Action? resampleDone)
    {
        var (layout, strata) = Layout(set);
        var candidate = set.Task == PredictionTask.Binary
            ? (IReplicateKernel)new BinaryReplicates(PredictionEvaluator.Gather(set.Scores.Span, layout), PredictionEvaluator.Gather(set.Labels.Span, layout), set.Threshold)
            : new RegressionReplicates(PredictionEvaluator.Gather(set.Targets.Span, layout), PredictionEvaluator.Gather(set.Scores.Span, layout));
        var baseline = set.Task == PredictionTask.Binary && set.BaselineScores is { } baselineScores
            ? new BinaryReplicates(PredictionEvaluator.Gather(baselineScores.Span, layout), PredictionEvaluator.Gather(set.Labels.Span, layout), set.Threshold)
            : null;
        var kernels = new List<IReplicateKernel> { candidate };
        if (set.LatencyMs is { } latency)
        {
            kernels.Add(new LatencyReplicates(PredictionEvaluator.Gather(latency.Span, layout)));
        }

        if (baseline is not null)
        {
            kernels.Add(baseline);
        }

        var all = new ConcatenatedReplicates(kernels);
        var replicates = BootstrapResampler.Replicates(all, strata, setOrdinal, set.Bootstrap, resampleDone);
        var notes = new List<string>();
        var ownMetrics = all.Names.Count - (baseline?.Names.Count ?? 0);
        for (var column = 0; column < ownMetrics; column++)
        {
            AddInterval(metrics, all.Names[column], Column(replicates, column, null), set.ConfidenceLevel, notes);
        }

        if (baseline is not null)
        {
            AddPaired(metrics, set, candidate, ownMetrics, replicates, notes);
        }

        if (set.Task == PredictionTask.Binary && metrics.ContainsKey("auc"))
        {
            AddAucInterval(metrics, set, notes);
        }

        return notes;
    }

    private static void AddPaired(
        IDictionary<string, double> metrics, PredictionSet set, IReplicateKernel candidate, int baselineStart, double[][] replicates, List<string> notes)
    {
        var baselinePoint = ClassificationMetrics.WithoutAuc(set.BaselineScores!.Value.Span, set.Labels.Span, set.Threshold);
        for (var column = 0; column < candidate.Names.Count; column++)
        {
            var name = candidate.Names[column];
            if (!baselinePoint.TryGetValue(name, out var baselineValue))
            {
                // The baseline's scores are not all probabilities: it has no log_loss or brier to compare with.
                continue;
            }

            metrics[name + Baseline] = baselineValue;
            metrics[name + Delta] = metrics[name] - baselineValue;
            AddInterval(metrics, name + Delta, Column(replicates, column, baselineStart + column), set.ConfidenceLevel, notes);
        }
    }

    private static void AddInterval(IDictionary<string, double> metrics, string name, double[] replicates, double level, List<string> notes)
    {
        var (interval, problem) = BootstrapSummary.Summarize(replicates, level);
        if (interval is null)
        {
            notes.Add($"{name}{StandardError}, {name}{CiLow} and {name}{CiHigh} left out: {problem}");
            return;
        }

        metrics[name + StandardError] = interval.StandardError;
        metrics[name + CiLow] = interval.Low;
        metrics[name + CiHigh] = interval.High;
    }

    private static void AddAucInterval(IDictionary<string, double> metrics, PredictionSet set, List<string> notes)
    {
        try
        {
            var (_, standardError, low, high) = DeLongAucInterval.Compute(set.Scores.Span, set.Labels.Span, set.ConfidenceLevel);
            metrics["auc" + StandardError] = standardError;
            metrics["auc" + CiLow] = low;
            metrics["auc" + CiHigh] = high;
        }
        catch (MetricException e)
        {
            notes.Add($"auc{StandardError}, auc{CiLow} and auc{CiHigh} left out: {e.Message}");
        }
    }

    /// <summary>One metric's replicates, or the difference of two metrics' (candidate minus baseline) per resample.</summary>
    private static double[] Column(double[][] replicates, int column, int? subtract)
    {
        var values = new double[replicates.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = subtract is { } other ? replicates[i][column] - replicates[i][other] : replicates[i][column];
        }

        return values;
    }

    /// <summary>
    /// The rows stratum after stratum: a binary set's positives, then its negatives; a regression's rows all in one.
    /// Within a stratum the rows keep their order, or with latencies are ordered by latency (ties by row), so that the
    /// latency walk reads the counts in nearly sequential order rather than at random.
    /// </summary>
    internal static (int[] Layout, int[] Strata) Layout(PredictionSet set)
    {
        int[] layout, strata;
        if (set.Task == PredictionTask.Regression)
        {
            (layout, strata) = (Enumerable.Range(0, set.Rows).ToArray(), [set.Rows]);
        }
        else
        {
            var labels = set.Labels.Span;
            layout = new int[set.Rows];
            var positives = RocAuc.CountPositives(labels);
            int nextPositive = 0, nextNegative = positives;
            for (var i = 0; i < labels.Length; i++)
            {
                layout[labels[i] ? nextPositive++ : nextNegative++] = i;
            }

            strata = [positives, set.Rows - positives];
        }

        if (set.LatencyMs is { } latencyMs)
        {
            var latency = latencyMs.ToArray();
            var offset = 0;
            foreach (var size in strata)
            {
                // A total order (latency, then row): the same layout whatever the sort algorithm.
                layout.AsSpan(offset, size).Sort((a, b) => latency[a] != latency[b] ? latency[a].CompareTo(latency[b]) : a.CompareTo(b));
                offset += size;
            }
        }

        return (layout, strata);
    }
}
