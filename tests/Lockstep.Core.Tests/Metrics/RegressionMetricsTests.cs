using CsCheck;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class RegressionMetricsTests
{
    // Oracle: scikit-learn 1.2.1 on y = [3, -0.5, 2, 7], ŷ = [2.5, 0, 2, 8] (the scikit-learn docstring example):
    // repr() of mean_squared_error(y, ŷ) ** 0.5, mean_absolute_error, r2_score; equal to the last bit.
    [Theory]
    [InlineData("rmse", 0.6123724356957945)]
    [InlineData("mae", 0.5)]
    [InlineData("r2", 0.9486081370449679)]
    public void Matches_scikit_learn(string metric, double expected) =>
        Assert.Equal(expected, RegressionMetrics.Compute([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])[metric]);

    [Theory]
    [InlineData(new[] { 1.0, 1, 1 }, new[] { 1.0, 1, 1 }, 1.0)]
    [InlineData(new[] { 1.0, 1, 1 }, new[] { 1.0, 2, 1 }, 0.0)]
    public void R2_of_a_constant_target_is_finite_as_scikit_learn(double[] actual, double[] predicted, double expected) =>
        Assert.Equal(expected, RegressionMetrics.Compute(actual, predicted)["r2"]);

    [Fact]
    public void Compensated_sums_stay_exact_over_many_rows()
    {
        var actual = Enumerable.Repeat(0.1, 1_000_000).ToArray();
        var predicted = Enumerable.Repeat(0.0, 1_000_000).ToArray();

        Assert.Equal(0.1, RegressionMetrics.Compute(actual, predicted)["mae"], 1e-15);
    }

    [Theory]
    [InlineData(new[] { 1.0, double.NaN }, new[] { 1.0, 2 }, "actual[1] is NaN")]
    [InlineData(new[] { 1.0, 2 }, new[] { double.NegativeInfinity, 2 }, "predicted[0] is -∞")]
    public void A_value_that_is_not_finite_is_refused_by_its_index(double[] actual, double[] predicted, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute(actual, predicted));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>("predicted", () => RegressionMetrics.Compute([1.0, 2.0], [1.0]));

    /// <summary>Property: RMSE, MAE and R² from their definitions (two-pass, naive sums), within 1e-9.</summary>
    [Fact]
    public void Equals_the_definitions_on_random_data() =>
        Gen.Select(Gen.Double[-100, 100], Gen.Double[-100, 100]).Array[2, 300]
            .Sample(rows =>
            {
                var actual = rows.Select(r => r.Item1).ToArray();
                var predicted = rows.Select(r => r.Item2).ToArray();
                var metrics = RegressionMetrics.Compute(actual, predicted);

                var mean = actual.Average();
                var squared = actual.Zip(predicted).Sum(p => (p.First - p.Second) * (p.First - p.Second));
                var total = actual.Sum(y => (y - mean) * (y - mean));
                var rmse = Math.Sqrt(squared / actual.Length);
                var r2 = 1 - (squared / total);

                Assert.Equal(rmse, metrics["rmse"], 1e-9 * Math.Max(1, rmse));
                Assert.Equal(actual.Zip(predicted).Average(p => Math.Abs(p.First - p.Second)), metrics["mae"], 1e-9 * Math.Max(1, metrics["mae"]));
                Assert.Equal(r2, metrics["r2"], 1e-9 * Math.Max(1, Math.Abs(r2)));
            });
}
