using Lockstep.Core.Evaluation;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Evaluation;

/// <summary>
/// Bootstrap resamples materialised the slow way, O(n) per resample with every drawn row copied, from the same draws
/// as <c>BootstrapResampler</c> makes: the oracle of the weighted kernels.
/// </summary>
internal static class Resamples
{
    /// <summary>The original row indices of one resample, stratum after stratum, in the order they were drawn.</summary>
    public static int[] DrawnRows(PredictionSet set, long seed, int setOrdinal, int resample)
    {
        var (layout, strata) = BootstrapMetrics.Layout(set);
        var rows = new List<int>();
        var offset = 0;
        for (var stratum = 0; stratum < strata.Length; stratum++)
        {
            var random = new BootstrapRandom(seed, setOrdinal, resample, stratum);
            for (var draw = 0; draw < strata[stratum]; draw++)
            {
                rows.Add(layout[offset + random.NextIndex(strata[stratum])]);
            }

            offset += strata[stratum];
        }

        return [.. rows];
    }

    public static T[] Pick<T>(ReadOnlyMemory<T> values, int[] rows) => rows.Select(row => values.Span[row]).ToArray();

    /// <summary>The kernel's replicates on the set laid out as the resampler lays it out.</summary>
    public static double[][] Replicates(Func<int[], IReplicateKernel> kernel, PredictionSet set, BootstrapOptions options, int setOrdinal = 0)
    {
        var (layout, strata) = BootstrapMetrics.Layout(set);
        return BootstrapResampler.Replicates(kernel(layout), strata, setOrdinal, options, null);
    }

    /// <summary>Rows with ties: PairedRows' scorings capped at 1, a latency with few distinct values, a slice of three values.</summary>
    public static PredictionSet Paired(ulong seed, int rows)
    {
        var (candidateScores, baselineScores, labels) = Tests.Metrics.PairedRows.Generate(seed, rows);
        var candidate = candidateScores.Select(score => Math.Min(score, 1)).ToArray(); // probabilities: log_loss and brier too
        var baseline = baselineScores.Select(score => Math.Min(score, 1)).ToArray();
        return new PredictionSet
        {
            Task = PredictionTask.Binary,
            Scores = candidate,
            BaselineScores = baseline,
            Labels = labels,
            LatencyMs = candidate.Select((score, i) => Math.Round((score * 40) + (i % 7), 1)).ToArray(),
            Slices = [new SliceColumn("region", Enumerable.Range(0, rows).Select(i => i % 3).ToArray(), ["EU", "US", "ASIA"])],
        };
    }
}
