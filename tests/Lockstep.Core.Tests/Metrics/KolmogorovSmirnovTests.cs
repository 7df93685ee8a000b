using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Oracle: <c>scipy.stats.ks_2samp(x, y)</c> with its defaults, SciPy 1.10.1 and NumPy 1.24.2 (Debian 12's
/// python3-scipy), values printed with <c>repr(float(...))</c>. Generated samples are
/// <see cref="ArithmeticSample.Sorted"/>, the same expression in NumPy.
/// </summary>
public class KolmogorovSmirnovTests
{
    [Fact]
    public void Small_hand_example_matches_scipy()
    {
        // ks_2samp([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8])
        AssertMatches([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8], 0.5, 0.35714285714285715);
    }

    [Fact]
    public void Ties_within_and_across_samples_match_scipy()
    {
        // ks_2samp([1, 1, 2, 2, 2, 3, 4, 4], [2, 2, 3, 3, 3, 3, 5, 5, 5, 6])
        AssertMatches([1, 1, 2, 2, 2, 3, 4, 4], [2, 2, 3, 3, 3, 3, 5, 5, 5, 6], 0.425, 0.29553453082864845);
    }

    [Fact]
    public void Single_values_match_scipy()
    {
        // ks_2samp([1.0], [2.0])
        AssertMatches([1.0], [2.0], 1.0, 1.0);
    }

    [Fact]
    public void Identical_samples_have_statistic_zero_and_p_value_one()
    {
        // ks_2samp([0.5, 1.5, 1.5, 2.5], [0.5, 1.5, 1.5, 2.5])
        AssertMatches([0.5, 1.5, 1.5, 2.5], [0.5, 1.5, 1.5, 2.5], 0.0, 1.0);
    }

    [Fact]
    public void Separated_samples_have_the_exact_smallest_p_value()
    {
        // ks_2samp([1, 2, 3, 4, 5, 6], [10, 11, 12, 13, 14, 15, 16, 17, 18]): 1/C(15, 6) · 2
        AssertMatches([1, 2, 3, 4, 5, 6], [10, 11, 12, 13, 14, 15, 16, 17, 18], 1.0, 0.00039960039960039965);
    }

    [Fact]
    public void Equal_sizes_use_the_exact_outside_square_count()
    {
        // ks_2samp(sample(20, 7, 3, 101, 0.01, 0.0), sample(20, 11, 5, 101, 0.01, 0.15))
        AssertMatches(
            ArithmeticSample.Sorted(20, 7, 3, 101, 0.01, 0.0),
            ArithmeticSample.Sorted(20, 11, 5, 101, 0.01, 0.15),
            0.3,
            0.33559098126008213);
    }

    [Fact]
    public void Larger_equal_sizes_use_the_exact_outside_square_count()
    {
        // ks_2samp(sample(500, 7919, 13, 10007, 0.0001, 0.0), sample(500, 104729, 17, 10007, 0.0001, 0.05))
        AssertMatches(
            ArithmeticSample.Sorted(500, 7919, 13, 10007, 0.0001, 0.0),
            ArithmeticSample.Sorted(500, 104729, 17, 10007, 0.0001, 0.05),
            0.056,
            0.41348608403425674);
    }

    [Fact]
    public void Unequal_sizes_use_the_exact_inside_count()
    {
        // ks_2samp(sample(30, 37, 1, 997, 0.001, 0.0), sample(45, 61, 2, 997, 0.001, 0.12))
        AssertMatches(
            ArithmeticSample.Sorted(30, 37, 1, 997, 0.001, 0.0),
            ArithmeticSample.Sorted(45, 61, 2, 997, 0.001, 0.12),
            0.23333333333333334,
            0.25395575579476354);
    }

    [Fact]
    public void Heavy_ties_in_the_exact_regime_match_scipy()
    {
        // ks_2samp(sample(400, 37, 1, 13, 0.5, 0.0), sample(300, 53, 4, 11, 0.5, 0.0)): 13 and 11 distinct values
        AssertMatches(
            ArithmeticSample.Sorted(400, 37, 1, 13, 0.5, 0.0),
            ArithmeticSample.Sorted(300, 53, 4, 11, 0.5, 0.0),
            0.155,
            0.00047291150573248547);
    }

    [Fact]
    public void Largest_samples_of_the_exact_regime_stay_exact()
    {
        // ks_2samp(sample(10000, 7919, 13, 10007, 0.0001, 0.0), sample(7001, 104729, 17, 10007, 0.0001, 0.02))
        AssertMatches(
            ArithmeticSample.Sorted(10000, 7919, 13, 10007, 0.0001, 0.0),
            ArithmeticSample.Sorted(7001, 104729, 17, 10007, 0.0001, 0.02),
            0.020765490644193686,
            0.05634979299509963);
    }

    [Fact]
    public void Failed_exact_computation_falls_back_with_the_lattice_statistic()
    {
        // ks_2samp([0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5, 6.5]) warns "Exact calculation unsuccessful": the
        // outside-square sum gives 1.0000000000000002, so kstwo.sf(1/7, round(3.5) = 4) answers instead.
        AssertMatches([0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5, 6.5], 0.14285714285714285, 0.9999609537692629);
    }

    [Fact]
    public void Fallback_rounds_the_effective_size_half_to_even()
    {
        // ks_2samp(range(15), list(range(14)) + [14.5]): falls back to kstwo.sf(1/15, round(7.5) = 8)
        var x = Enumerable.Range(0, 15).Select(i => (double)i).ToArray();
        var y = Enumerable.Range(0, 14).Select(i => (double)i).Append(14.5).ToArray();

        AssertMatches(x, y, 0.06666666666666667, 0.9999999999990623);
    }

    [Fact]
    public void Large_samples_without_drift_use_the_asymptotic_distribution()
    {
        // ks_2samp(sample(20000, 7919, 13, 10007, 0.0001, 0.0), sample(15000, 104729, 17, 10007, 0.0001, 0.0)):
        // kstwo.sf(D, 8571) by the Durbin matrix
        AssertMatches(
            ArithmeticSample.Sorted(20000, 7919, 13, 10007, 0.0001, 0.0),
            ArithmeticSample.Sorted(15000, 104729, 17, 10007, 0.0001, 0.0),
            0.0006333333333333746,
            1.0);
    }

    [Fact]
    public void Large_samples_with_slight_drift_use_pelz_good()
    {
        // ks_2samp(sample(20000, 7919, 13, 10007, 0.0001, 0.0), sample(15000, 104729, 17, 10007, 0.0001, 0.008))
        AssertMatches(
            ArithmeticSample.Sorted(20000, 7919, 13, 10007, 0.0001, 0.0),
            ArithmeticSample.Sorted(15000, 104729, 17, 10007, 0.0001, 0.008),
            0.008650000000000047,
            0.5399060563325262);
    }

    [Fact]
    public void Large_samples_with_drift_use_twice_the_one_sided_tail()
    {
        // ks_2samp(sample(20000, 7919, 13, 10007, 0.0001, 0.0), sample(15000, 104729, 17, 10007, 0.0001, 0.02))
        AssertMatches(
            ArithmeticSample.Sorted(20000, 7919, 13, 10007, 0.0001, 0.0),
            ArithmeticSample.Sorted(15000, 104729, 17, 10007, 0.0001, 0.02),
            0.020683333333333387,
            0.0012882083414444308);
    }

    [Fact]
    public void Large_samples_with_large_drift_keep_a_tiny_p_value_to_relative_precision()
    {
        // ks_2samp(sample(20000, 7919, 13, 10007, 0.0001, 0.0), sample(15000, 104729, 17, 10007, 0.0001, 0.2))
        AssertMatches(
            ArithmeticSample.Sorted(20000, 7919, 13, 10007, 0.0001, 0.0),
            ArithmeticSample.Sorted(15000, 104729, 17, 10007, 0.0001, 0.2),
            0.20053333333333334,
            1.375400294690507e-302);
    }

    [Theory]
    // ks_2samp(sample(10001, 7919, 13, 10007, 0.0001, 0.0), sample(60, 104729, 17, 10007, 0.0001, offset)): kstwo with n = 60
    [InlineData(0.0, 0.030251974802519843, 0.9999999653906735)] // Durbin matrix
    [InlineData(0.2, 0.20157984201579843, 0.012966767974072702)] // Pomeranz recursion
    [InlineData(0.35, 0.35136486351364865, 3.961791224106062e-07)] // twice the one-sided tail
    public void A_large_and_a_small_sample_use_the_small_n_branches(double offset, double statistic, double pValue)
    {
        AssertMatches(
            ArithmeticSample.Sorted(10001, 7919, 13, 10007, 0.0001, 0.0),
            ArithmeticSample.Sorted(60, 104729, 17, 10007, 0.0001, offset),
            statistic,
            pValue);
    }

    [Fact]
    public void Statistic_equals_a_brute_force_maximum_on_random_samples_with_heavy_ties()
    {
        var random = new Random(20240611);
        for (var round = 0; round < 300; round++)
        {
            var x = RandomTiedSample(random, random.Next(1, 80));
            var y = RandomTiedSample(random, random.Next(1, 80));

            var result = KolmogorovSmirnov.TwoSample(x, y);

            // The exact method reports D as h/lcm(n1, n2), which may differ from count/n1 − count/n2 in the last bit.
            Assert.Equal(BruteForceStatistic(x, y), result.Statistic, 1e-12);
            Assert.InRange(result.PValue, 0.0, 1.0);
        }
    }

    [Fact]
    public void Statistic_and_p_value_do_not_depend_on_which_sample_comes_first()
    {
        var x = ArithmeticSample.Sorted(300, 37, 1, 13, 0.5, 0.0);
        var y = ArithmeticSample.Sorted(200, 53, 4, 11, 0.5, 0.0);

        Assert.Equal(KolmogorovSmirnov.TwoSample(x, y), KolmogorovSmirnov.TwoSample(y, x));
    }

    [Fact]
    public void Empty_samples_are_refused()
    {
        Assert.Throws<ArgumentException>("sortedReference", () => KolmogorovSmirnov.TwoSample([], [1.0]));
        Assert.Throws<ArgumentException>("sortedCurrent", () => KolmogorovSmirnov.TwoSample([1.0], []));
    }

    [Fact]
    public void Unsorted_or_non_finite_samples_are_refused()
    {
        Assert.Throws<ArgumentException>("sortedReference", () => KolmogorovSmirnov.TwoSample([2.0, 1.0], [1.0]));
        Assert.Throws<ArgumentException>("sortedCurrent", () => KolmogorovSmirnov.TwoSample([1.0], [1.0, double.NaN]));
        Assert.Throws<ArgumentException>("sortedCurrent", () => KolmogorovSmirnov.TwoSample([1.0], [double.NegativeInfinity]));
    }

    [Theory]
    [InlineData(new[] { 1.0, double.NaN }, "sortedReference[1] is NaN")]
    [InlineData(new[] { 1.0, 2, double.PositiveInfinity }, "sortedReference[2] is ∞")]
    [InlineData(new[] { 1.0, 3, 2 }, "sortedReference[2] = 2 is less than sortedReference[1] = 3")]
    public void A_bad_value_is_named_by_its_index(double[] reference, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample(reference, [1.0]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    private static void AssertMatches(double[] x, double[] y, double statistic, double pValue)
    {
        var result = KolmogorovSmirnov.TwoSample(x, y);

        Assert.Equal(statistic, result.Statistic);
        Assert.Equal(pValue, result.PValue, PValueTolerance(pValue));
    }

    /// <summary>1e-9 absolute, or 1e-9 relative for p-values below 1e-6.</summary>
    internal static double PValueTolerance(double expected) => expected < 1e-6 ? expected * 1e-9 : 1e-9;

    private static double[] RandomTiedSample(Random random, int n)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = random.Next(0, 8) * 0.5;
        }

        Array.Sort(values);
        return values;
    }

    private static double BruteForceStatistic(double[] x, double[] y)
    {
        var d = 0.0;
        foreach (var t in x.Concat(y))
        {
            var f1 = x.Count(v => v <= t) / (double)x.Length;
            var f2 = y.Count(v => v <= t) / (double)y.Length;
            d = Math.Max(d, Math.Abs(f1 - f2));
        }

        return d;
    }

    [Theory]
    [InlineData(40, 60)]
    [InlineData(12000, 9000)]
    public void From_statistic_gives_the_two_sample_result(int n1, int n2)
    {
        var x = Enumerable.Range(0, n1).Select(i => (i * 7919 % n1) / (double)n1).Order().ToArray();
        var y = Enumerable.Range(0, n2).Select(i => 0.05 + ((i * 104729 % n2) / (double)n2)).Order().ToArray();
        var expected = KolmogorovSmirnov.TwoSample(x, y);

        Assert.Equal(expected, KolmogorovSmirnov.FromStatistic(expected.Statistic, n1, n2));
        Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.FromStatistic(1.5, n1, n2));
    }
}
