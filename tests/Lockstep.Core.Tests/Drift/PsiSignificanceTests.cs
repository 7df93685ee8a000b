using CsCheck;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Drift;

/// <summary>
/// Oracle: SciPy 1.10.1 and NumPy 1.24.2 (Debian 12), values printed with <c>repr</c>: PSI from the shares as
/// <c>np.sum((r - c) * np.log(r / c))</c>, s = 1/n_ref + 1/n_cur, the p-value <c>scipy.stats.chi2.sf(psi / s, B - 1)</c>
/// and the smallest detectable PSI <c>scipy.stats.chi2.ppf(level, B - 1) * s</c>.
/// </summary>
public class PsiSignificanceTests
{
    [Theory]
    [InlineData(new long[] { 30, 40, 20, 10 }, new long[] { 25, 35, 25, 15 }, 0.95, 0.500906748778903, 0.1562945580650236)]
    [InlineData(new long[] { 30, 40, 20, 10 }, new long[] { 25, 35, 25, 15 }, 0.99, 0.500906748778903, 0.22689733460288747)]
    [InlineData(new long[] { 300, 400, 200, 100 }, new long[] { 250, 350, 250, 150 }, 0.95, 3.0106984174334994e-05, 0.01562945580650236)]
    [InlineData(new long[] { 2, 2 }, new long[] { 1, 3 }, 0.95, 0.45860134182802514, 1.920729410347062)]
    [InlineData(new long[] { 200, 200 }, new long[] { 100, 300 }, 0.95, 1.248608704682684e-13, 0.01920729410347062)]
    [InlineData(new long[] { 30, 0, 40, 30 }, new long[] { 20, 0, 50, 30 }, 0.95, 0.20772885143899644, 0.11982929094215958)] // B = 3: the empty bin is not counted
    public void P_value_and_smallest_detectable_psi_match_scipy(long[] reference, long[] current, double level, double pValue, double minDetectable)
    {
        var psi = Psi.FromCounts(reference, current, EmptyBinRule.Evidently);

        var significance = PsiSignificance.Of(psi, reference, current, level)!;

        Assert.True(Math.Abs(significance.PValue - pValue) <= 1e-9 * pValue, $"p-value: expected {pValue:R}, got {significance.PValue:R}");
        Assert.True(Math.Abs(significance.MinDetectable - minDetectable) <= 1e-9 * minDetectable, $"min detectable: expected {minDetectable:R}, got {significance.MinDetectable:R}");
        Assert.Equal(pValue < 1 - level, significance.Significant);
    }

    [Fact]
    public void One_occupied_bin_has_no_significance() =>
        Assert.Null(PsiSignificance.Of(0, [0, 5, 0], [0, 7, 0], 0.95));

    [Fact]
    public void Sides_of_different_lengths_or_without_values_are_errors()
    {
        Assert.Throws<ArgumentException>(() => PsiSignificance.Of(0.1, [1, 2], [1, 2, 3], 0.95));
        Assert.Throws<ArgumentException>(() => PsiSignificance.Of(0.1, [0, 0], [1, 2], 0.95));
    }

    [Fact]
    public void P_value_is_a_probability_that_falls_as_psi_grows_at_fixed_sizes() =>
        Gen.Int[2, 40]
            .SelectMany(bins => Gen.Select(Gen.Long[1, 100_000].Array[bins, bins], Gen.Long[1, 100_000].Array[bins, bins]))
            .Select(Gen.Double[0, 5], Gen.Double[0, 5])
            .Sample((sides, a, b) =>
            {
                var (smaller, larger) = (Math.Min(a, b), Math.Max(a, b));
                var low = PsiSignificance.Of(smaller, sides.Item1, sides.Item2, 0.95)!.PValue;
                var high = PsiSignificance.Of(larger, sides.Item1, sides.Item2, 0.95)!.PValue;
                return low is >= 0 and <= 1 && high is >= 0 and <= 1 && high <= low;
            });
}
