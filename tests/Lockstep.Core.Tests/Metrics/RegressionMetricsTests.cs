using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class RegressionMetricsTests
{
    // Oracle: scikit-learn 1.2.1 on y = [3, -0.5, 2, 7], ŷ = [2.5, 0, 2, 8] (the scikit-learn docstring example):
    // mean_squared_error(y, ŷ) ** 0.5, mean_absolute_error, r2_score.
    [Theory]
    [InlineData("rmse", 0.6123724356957945)]
    [InlineData("mae", 0.5)]
    [InlineData("r2", 0.9486081370449679)]
    public void Matches_scikit_learn(string metric, double expected) =>
        Assert.Equal(expected, RegressionMetrics.Compute([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])[metric], 1e-12);

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
}
