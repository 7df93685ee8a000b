using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Oracle: SciPy 1.10.1 with NumPy 1.24.2 (Debian 12's python3-scipy), values printed with <c>repr(float(...))</c>:
/// <c>scipy.stats.wasserstein_distance(u, v)</c>, and for the normed distance Evidently's formula
/// <c>wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)</c> evaluated with them. Generated samples are
/// <see cref="ArithmeticSample.Sorted"/>, the same expression in NumPy.
/// </summary>
public class WassersteinTests
{
    [Theory]
    [InlineData(new[] { 0.0, 1.0, 3.0 }, new[] { 5.0, 6.0, 8.0 }, 5.0)]
    [InlineData(new[] { 0.5, 1.0, 1.0, 2.5, 4.0 }, new[] { 0.0, 1.0, 3.0 }, 0.5999999999999999)]
    [InlineData(new[] { 0.0, 0.25, 0.25, 0.5, 3.0, 3.0, 3.0 }, new[] { 0.25, 0.5, 0.5, 1.0, 2.0, 3.0 }, 0.49404761904761907)]
    [InlineData(new[] { 1.0 }, new[] { 4.0 }, 3.0)]
    [InlineData(new[] { 1.0, 2.0, 2.0, 7.5 }, new[] { 1.0, 2.0, 2.0, 7.5 }, 0.0)]
    public void Distance_matches_scipy_wasserstein_distance(double[] u, double[] v, double expected) =>
        Assert.Equal(expected, Wasserstein.Distance(u, v), 1e-9);

    [Fact]
    public void Distance_of_generated_samples_of_different_lengths_matches_scipy()
    {
        // wasserstein_distance(sample(1000, 7919, 13, 10007, 0.0001, 0.0), sample(700, 104729, 17, 997, 0.0013, 0.1))
        var u = ArithmeticSample.Sorted(1000, 7919, 13, 10007, 0.0001, 0.0);
        var v = ArithmeticSample.Sorted(700, 104729, 17, 997, 0.0013, 0.1);

        Assert.Equal(0.24505745714285712, Wasserstein.Distance(u, v), 1e-9);
        Assert.Equal(0.8479185415222628, Wasserstein.NormalizedByReferenceStd(u, v), 1e-9);
    }

    [Fact]
    public void Distance_of_heavily_tied_samples_matches_scipy()
    {
        // wasserstein_distance(sample(500, 37, 1, 13, 0.5, 0.0), sample(300, 53, 4, 11, 0.5, 0.25))
        var u = ArithmeticSample.Sorted(500, 37, 1, 13, 0.5, 0.0);
        var v = ArithmeticSample.Sorted(300, 53, 4, 11, 0.5, 0.25);

        Assert.Equal(0.385, Wasserstein.Distance(u, v), 1e-9);
        Assert.Equal(0.20577719329389255, Wasserstein.NormalizedByReferenceStd(u, v), 1e-9);
    }

    [Theory]
    [InlineData(new[] { 0.0, 1.0, 3.0 }, new[] { 5.0, 6.0, 8.0 }, 4.0089186286863665)]
    [InlineData(new[] { 0.5, 1.0, 1.0, 2.5, 4.0 }, new[] { 0.0, 1.0, 3.0 }, 0.4656903154237996)]
    [InlineData(new[] { 0.0, 0.25, 0.25, 0.5, 3.0, 3.0, 3.0 }, new[] { 0.25, 0.5, 0.5, 1.0, 2.0, 3.0 }, 0.3612932575451027)]
    public void Normalized_distance_divides_by_the_population_std_of_the_reference(double[] reference, double[] current, double expected) =>
        Assert.Equal(expected, Wasserstein.NormalizedByReferenceStd(reference, current), 1e-9);

    [Fact]
    public void Constant_reference_is_divided_by_evidentlys_floor_of_0_001()
    {
        // wasserstein_distance([2, 2, 2], [1, 2, 3]) / max(np.std([2, 2, 2]), 0.001)
        Assert.Equal(666.6666666666667, Wasserstein.NormalizedByReferenceStd([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]), 1e-9);
        Assert.Equal(3000.0, Wasserstein.NormalizedByReferenceStd([1.0], [4.0]), 1e-9);
    }

    [Fact]
    public void Reference_std_below_the_floor_is_raised_to_it()
    {
        // np.std([1.0, 1.0005]) = 0.00025; wasserstein_distance([1.0, 1.0005], [1.0, 1.5]) / 0.001
        Assert.Equal(249.75000000000003, Wasserstein.NormalizedByReferenceStd([1.0, 1.0005], [1.0, 1.5]), 1e-9);
    }

    [Fact]
    public void Distance_equals_the_integral_of_the_cdf_difference_on_random_samples()
    {
        var random = new Random(424242);
        for (var round = 0; round < 200; round++)
        {
            var u = RandomSample(random, random.Next(1, 60));
            var v = RandomSample(random, random.Next(1, 60));

            var expected = BruteForceIntegral(u, v);

            Assert.Equal(expected, Wasserstein.Distance(u, v), 1e-9 * Math.Max(1, expected));
            Assert.Equal(expected, Wasserstein.Distance(v, u), 1e-9 * Math.Max(1, expected));
        }
    }

    [Fact]
    public void Distance_equals_the_integral_of_the_quantile_difference_on_random_samples()
    {
        var random = new Random(97);
        for (var round = 0; round < 200; round++)
        {
            var u = RandomSample(random, random.Next(1, 60));
            var v = RandomSample(random, random.Next(1, 60));

            Assert.Equal(QuantileIntegral(u, v), Wasserstein.Distance(u, v), 1e-9);
        }
    }

    [Fact]
    public void Empty_or_unsorted_samples_are_refused()
    {
        Assert.Throws<ArgumentException>("sortedU", () => Wasserstein.Distance([], [1.0]));
        Assert.Throws<ArgumentException>("sortedV", () => Wasserstein.Distance([1.0], [3.0, 2.0]));
        Assert.Throws<ArgumentException>("sortedReference", () => Wasserstein.NormalizedByReferenceStd([double.NaN], [1.0]));
    }

    [Fact]
    public void A_value_that_is_not_finite_is_named_by_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => Wasserstein.Distance([1.0], [0.5, 2.0, double.PositiveInfinity]));

        Assert.StartsWith("sortedV[2] is ∞", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Values with many ties (a coarse grid) and some continuous spread.</summary>
    private static double[] RandomSample(Random random, int n)
    {
        var values = new double[n];
        var coarse = random.Next(2) == 0;
        for (var i = 0; i < n; i++)
        {
            values[i] = coarse ? random.Next(-3, 4) * 0.25 : (random.NextDouble() * 4) - 2;
        }

        Array.Sort(values);
        return values;
    }

    /// <summary>∫ |F_u(t) − F_v(t)| dt, with both distribution functions counted afresh on every piece between pooled values.</summary>
    private static double BruteForceIntegral(double[] u, double[] v)
    {
        var points = u.Concat(v).Distinct().Order().ToArray();
        var integral = 0.0;
        for (var k = 0; k + 1 < points.Length; k++)
        {
            var t = points[k];
            var fu = u.Count(x => x <= t) / (double)u.Length;
            var fv = v.Count(x => x <= t) / (double)v.Length;
            integral += Math.Abs(fu - fv) * (points[k + 1] - t);
        }

        return integral;
    }

    /// <summary>∫₀¹ |F_u⁻¹(q) − F_v⁻¹(q)| dq: the quantile functions are constant between the breakpoints i/n and j/m.</summary>
    private static double QuantileIntegral(double[] u, double[] v)
    {
        var breaks = Enumerable.Range(0, u.Length + 1).Select(i => (double)i / u.Length)
            .Concat(Enumerable.Range(0, v.Length + 1).Select(j => (double)j / v.Length))
            .Distinct()
            .Order()
            .ToArray();
        var integral = 0.0;
        for (var k = 0; k + 1 < breaks.Length; k++)
        {
            var middle = (breaks[k] + breaks[k + 1]) / 2;
            var qu = u[(int)(middle * u.Length)];
            var qv = v[(int)(middle * v.Length)];
            integral += Math.Abs(qu - qv) * (breaks[k + 1] - breaks[k]);
        }

        return integral;
    }

    [Fact]
    public void Normalize_divides_by_the_standard_deviation_floored_at_a_thousandth()
    {
        Assert.Equal(2.0, Wasserstein.Normalize(1.0, 0.5));
        Assert.Equal(1000.0, Wasserstein.Normalize(1.0, 0.0));
    }
}
