using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// The latency percentiles of a resample: the latencies are sorted once, and each resample walks them with its counts
/// (<see cref="WeightedPercentile"/>), equal to the percentiles of the materialised resample.
/// </summary>
internal sealed class LatencyReplicates : IReplicateKernel
{
    private readonly double[] sorted;
    private readonly int[] rowOf;
    private readonly double[] percents;

    public LatencyReplicates(ReadOnlySpan<double> latencyMs)
    {
        sorted = latencyMs.ToArray();
        rowOf = new int[sorted.Length];
        for (var i = 0; i < rowOf.Length; i++)
        {
            rowOf[i] = i;
        }

        Array.Sort(sorted, rowOf);
        Names = PredictionEvaluator.LatencyPercentiles.Select(p => p.Name).ToList();
        percents = PredictionEvaluator.LatencyPercentiles.Select(p => p.Percent).ToArray();
    }

    public IReadOnlyList<string> Names { get; }

    public void Compute(ReadOnlySpan<int> counts, Span<double> values) =>
        WeightedPercentile.Linear(sorted, rowOf, counts, sorted.Length, percents, values);
}
