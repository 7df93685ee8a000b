using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class PercentileTests
{
    // Oracle: NumPy 1.24.2, np.percentile(a, q) with the default method="linear".
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 99, 3.9699999999999998)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 50, 2.5)]
    [InlineData(new[] { 7.5 }, 90, 7.5)]
    [InlineData(new[] { 0.1, 0.2, 3.3, 10, 1000 }, 95, 801.9999999999998)]
    [InlineData(new[] { 0.1, 0.2, 3.3, 10, 1000 }, 100, 1000)]
    [InlineData(new[] { 0.1, 0.2, 3.3, 10, 1000 }, 0, 0.1)]
    public void Matches_numpy_linear(double[] sorted, double percent, double expected) =>
        Assert.Equal(expected, Percentile.Linear(sorted, percent), 1e-12);

    [Fact]
    public void P99_of_1_to_100_is_99_01() =>
        Assert.Equal(99.01, Percentile.Linear(Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 99), 1e-12);

    [Fact]
    public void Empty_set_has_no_percentile() =>
        Assert.Throws<MetricException>(() => Percentile.Linear([], 50));

    /// <summary>Property: monotone in the percent and bounded by the extremes.</summary>
    [Fact]
    public void Is_monotone_and_within_the_range()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var values = Enumerable.Range(0, random.Next(1, 50)).Select(_ => random.NextDouble() * 100).Order().ToArray();
            var previous = double.NegativeInfinity;
            for (var p = 0; p <= 100; p += 5)
            {
                var value = Percentile.Linear(values, p);
                Assert.InRange(value, values[0], values[^1]);
                Assert.True(value >= previous);
                previous = value;
            }
        }
    }
}
