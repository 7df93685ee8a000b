using CsCheck;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Percentile claims to follow NumPy operation for operation, so it is held to the last bit: the expected values
/// are <c>repr(float(np.percentile(a, q)))</c> from NumPy 1.24.2 (Debian 12's python3-numpy), default
/// <c>method="linear"</c>.
/// </summary>
public class PercentileTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 99, 3.9699999999999998)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 50, 2.5)]
    [InlineData(new[] { 7.5 }, 90, 7.5)]
    [InlineData(new[] { 0.1, 0.2, 3.3, 10, 1000 }, 95, 801.9999999999998)]
    [InlineData(new[] { 0.1, 0.2, 3.3, 10, 1000 }, 100, 1000)]
    [InlineData(new[] { 0.1, 0.2, 3.3, 10, 1000 }, 0, 0.1)]
    public void Matches_numpy_linear_to_the_bit(double[] sorted, double percent, double expected) =>
        Assert.Equal(expected, Percentile.Linear(sorted, percent));

    [Fact]
    public void P99_of_1_to_100_is_99_01() =>
        // np.percentile(np.arange(1, 101, dtype=float), 99) = 99.01
        Assert.Equal(99.01, Percentile.Linear(Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 99));

    [Theory]
    // np.percentile(np.sort(((np.arange(n) * a + b) % m) * scale + offset), q): ArithmeticSample.Sorted(n, a, b, m, scale, offset)
    [InlineData(1000, 7919, 13, 10007, 0.0001, 0.0, 12.5, 0.12527500000000003)]
    [InlineData(1000, 7919, 13, 10007, 0.0001, 0.0, 33.3, 0.33386699999999997)]
    [InlineData(1000, 7919, 13, 10007, 0.0001, 0.0, 50, 0.5011000000000001)]
    [InlineData(1000, 7919, 13, 10007, 0.0001, 0.0, 90, 0.901)]
    [InlineData(1000, 7919, 13, 10007, 0.0001, 0.0, 95, 0.951045)]
    [InlineData(1000, 7919, 13, 10007, 0.0001, 0.0, 99, 0.99041)]
    [InlineData(1000, 7919, 13, 10007, 0.0001, 0.0, 99.9, 0.9991009000000002)]
    [InlineData(37, 104729, 17, 997, 0.0013, 0.1, 1, 0.12912)]
    [InlineData(37, 104729, 17, 997, 0.0013, 0.1, 10, 0.22142)]
    [InlineData(37, 104729, 17, 997, 0.0013, 0.1, 25, 0.37039999999999995)]
    [InlineData(37, 104729, 17, 997, 0.0013, 0.1, 66.6, 0.8075952)]
    [InlineData(37, 104729, 17, 997, 0.0013, 0.1, 99, 1.3599080000000001)]
    public void Matches_numpy_to_the_bit_on_generated_samples(int n, long a, long b, long m, double scale, double offset, double percent, double expected) =>
        Assert.Equal(expected, Percentile.Linear(ArithmeticSample.Sorted(n, a, b, m, scale, offset), percent));

    [Fact]
    public void Several_percentiles_of_one_sample_are_numpys() =>
        // np.percentile(np.arange(1, 101, dtype=float), [10, 50, 99, 100]) = [10.9, 50.5, 99.01, 100.0] (numpy 1.24.2)
        Assert.Equal([10.9, 50.5, 99.01, 100.0], Percentile.Linear(Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), [10, 50, 99, 100]));

    [Fact]
    public void Several_percentiles_refuse_an_unsorted_sample_and_a_percent_out_of_range()
    {
        Assert.StartsWith(
            "sorted[2] = 2 is less than sorted[1] = 3",
            Assert.Throws<ArgumentException>(() => Percentile.Linear([1.0, 3, 2], [50.0, 90])).Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Linear([1.0, 2], [50.0, 101]));
        Assert.Throws<MetricException>(() => Percentile.Linear([], [50.0]));
    }

    [Fact]
    public void Empty_set_has_no_percentile() =>
        Assert.Throws<MetricException>(() => Percentile.Linear([], 50));

    [Theory]
    [InlineData(new[] { 1.0, double.NaN, 3 }, "sorted[1] is NaN")]
    [InlineData(new[] { 1.0, 2, double.PositiveInfinity }, "sorted[2] is ∞")]
    [InlineData(new[] { 1.0, 3, 2 }, "sorted[2] = 2 is less than sorted[1] = 3")]
    [InlineData(new[] { 0.1, 0.10000001, 0.1 }, "sorted[2] = 0.1 is less than sorted[1] = 0.10000001")]
    public void Values_that_are_not_finite_or_not_sorted_are_refused_by_their_index(double[] values, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Percentile.Linear(values, 50));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void A_percent_outside_0_to_100_is_refused(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(nameof(percent), () => Percentile.Linear([1.0, 2.0], percent));

    /// <summary>Property: Hyndman and Fan's type 7 from its definition, within 1e-9 of the value's magnitude.</summary>
    [Fact]
    public void Equals_the_type_7_definition_on_random_samples() =>
        Gen.Select(Gen.Double[-1e6, 1e6].Array[1, 200], Gen.Double[0, 100])
            .Sample((values, percent) =>
            {
                Array.Sort(values);
                var h = (values.Length - 1) * percent / 100;
                var below = (int)Math.Floor(h);
                var above = Math.Min(below + 1, values.Length - 1);
                var expected = values[below] + ((h - below) * (values[above] - values[below]));

                Assert.Equal(expected, Percentile.Linear(values, percent), 1e-9 * Math.Max(1, Math.Abs(expected)));
            });

    /// <summary>Property: monotone in the percent and bounded by the extremes.</summary>
    [Fact]
    public void Is_monotone_and_within_the_range() =>
        Gen.Double[0, 100].Array[1, 50].Sample(values =>
        {
            Array.Sort(values);
            var previous = double.NegativeInfinity;
            for (var p = 0; p <= 100; p += 5)
            {
                var value = Percentile.Linear(values, p);
                Assert.InRange(value, values[0], values[^1]);
                Assert.True(value >= previous);
                previous = value;
            }
        });

    [Fact]
    public void Linear_ranks_name_the_order_statistics_numpy_interpolates()
    {
        // P99 of 1..100: virtual index 98.01, between ranks 98 and 99 (values 99 and 100), gamma 0.01.
        var (below, above, gamma) = Percentile.LinearRanks(100, 99);

        Assert.Equal((98L, 99L), (below, above));
        Assert.Equal(99.01, Percentile.Interpolate(below + 1, above + 1, gamma), 1e-12);
        Assert.Equal((3L, 3L), (Percentile.LinearRanks(4, 100).Below, Percentile.LinearRanks(4, 100).Above));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.LinearRanks(0, 50));
    }
}
