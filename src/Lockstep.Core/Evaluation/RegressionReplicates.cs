using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// The regression metrics of a resample from weighted sums: rmse, mae, and r2, which is undefined (NaN) in a
/// resample whose targets are all equal rather than scikit-learn's force_finite value.
/// </summary>
internal sealed class RegressionReplicates(double[] targets, double[] predictions) : IReplicateKernel
{
    public IReadOnlyList<string> Names { get; } = ["rmse", "mae", "r2"];

    public void Compute(ReadOnlySpan<int> counts, Span<double> values)
    {
        var targetSum = default(CompensatedSum);
        var squared = default(CompensatedSum);
        var absolute = default(CompensatedSum);
        long rows = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            if (count == 0)
            {
                continue;
            }

            rows += count;
            var residual = targets[i] - predictions[i];
            targetSum.Add(count * targets[i]);
            squared.Add(count * residual * residual);
            absolute.Add(count * Math.Abs(residual));
        }

        var mean = targetSum.Value / rows;
        var total = default(CompensatedSum);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                var spread = targets[i] - mean;
                total.Add(counts[i] * spread * spread);
            }
        }

        values[0] = Math.Sqrt(squared.Value / rows);
        values[1] = absolute.Value / rows;
        values[2] = total.Value == 0 ? double.NaN : 1 - (squared.Value / total.Value);
    }
}
