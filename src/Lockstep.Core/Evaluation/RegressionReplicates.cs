using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// The regression metrics of a resample from weighted sums: rmse, mae, and r2, which is undefined (NaN) in a
/// resample whose targets are all equal rather than scikit-learn's force_finite value.
/// </summary>
internal sealed class RegressionReplicates : IReplicateKernel
{
    private readonly double[] targets;
    private readonly double[] squaredResiduals;
    private readonly double[] absoluteResiduals;

    public RegressionReplicates(double[] targets, double[] predictions)
    {
        this.targets = targets;
        squaredResiduals = new double[targets.Length];
        absoluteResiduals = new double[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var residual = targets[i] - predictions[i];
            squaredResiduals[i] = residual * residual;
            absoluteResiduals[i] = Math.Abs(residual);
        }
    }

    public IReadOnlyList<string> Names { get; } = ["rmse", "mae", "r2"];

    public void Compute(ReadOnlySpan<int> counts, Span<double> values)
    {
        long rows = 0;
        foreach (var count in counts)
        {
            rows += count;
        }

        var squared = BinaryReplicates.WeightedSum(counts, squaredResiduals);
        var mean = BinaryReplicates.WeightedSum(counts, targets) / rows;
        var total = default(CompensatedSum);
        for (var i = 0; i < counts.Length; i++)
        {
            var spread = targets[i] - mean;
            total.Add(counts[i] * spread * spread);
        }

        values[0] = Math.Sqrt(squared / rows);
        values[1] = BinaryReplicates.WeightedSum(counts, absoluteResiduals) / rows;
        values[2] = total.Value == 0 ? double.NaN : 1 - (squared / total.Value);
    }
}
