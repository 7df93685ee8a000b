namespace Lockstep.Core.Metrics;

/// <summary>
/// Regression metrics as scikit-learn computes them: <c>rmse</c> (√ of <c>mean_squared_error</c>),
/// <c>mae</c>, and <c>r2</c> (<c>r2_score</c> with force_finite: 1 for a perfect fit of a constant target, else 0).
/// </summary>
public static class RegressionMetrics
{
    /// <exception cref="MetricException">No rows.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or the lengths differ.</exception>
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        FiniteValues.RequireSameLength(actual.Length, nameof(actual), predicted.Length, nameof(predicted));
        if (actual.IsEmpty)
        {
            throw new MetricException("no rows: regression metrics of an empty set are undefined");
        }

        FiniteValues.Require(actual, nameof(actual));
        FiniteValues.Require(predicted, nameof(predicted));

        double n = actual.Length;
        var mean = CompensatedSum.Of(actual) / n;
        var squared = default(CompensatedSum);
        var absolute = default(CompensatedSum);
        var total = default(CompensatedSum);
        for (var i = 0; i < actual.Length; i++)
        {
            var residual = actual[i] - predicted[i];
            squared.Add(residual * residual);
            absolute.Add(Math.Abs(residual));
            var spread = actual[i] - mean;
            total.Add(spread * spread);
        }

        var r2 = total.Value == 0 ? (squared.Value == 0 ? 1.0 : 0.0) : 1 - (squared.Value / total.Value);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rmse"] = Math.Sqrt(squared.Value / n),
            ["mae"] = absolute.Value / n,
            ["r2"] = r2,
        };
    }
}
