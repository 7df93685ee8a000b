using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Oracle: NumPy 1.24.2, <c>repr(float(np.sum((r - c) * np.log(r / c))))</c> on the shares after the empty-bin rule,
/// which NumPy sums in the same order for fewer than eight bins, so the values are equal to the last bit.
/// </summary>
public class PsiTests
{
    [Fact]
    public void Shares_example_from_the_design_is_0_047223()
    {
        // r = [.3, .4, .2, .1], c = [.25, .35, .25, .15] gives 0.04722308044204257.
        var psi = Psi.FromShares([0.3, 0.4, 0.2, 0.1], [0.25, 0.35, 0.25, 0.15], EmptyBinRule.Evidently);

        Assert.Equal(0.04722308044204257, psi);
    }

    [Fact]
    public void Empty_reference_bin_takes_evidently_s_small_share()
    {
        // Categories {1, 2, 3}: reference [3, 2, 2] has shares [0, 2/3, 1/3], current [1, 2, 3] has [1/3, 1/3, 1/3].
        // The reference's smallest share 1/3 > 1e-4, so the empty bin becomes 1e-4 (Evidently get_binned_data).
        // r = [1e-4, 2/3, 1/3], c = [1/3] * 3 gives 2.9341472484810085.
        var psi = Psi.FromCounts([0, 2, 1], [1, 1, 1], EmptyBinRule.Evidently);

        Assert.Equal(2.9341472484810085, psi);
    }

    [Fact]
    public void Evidently_rule_scales_the_fill_to_tiny_shares()
    {
        // Smallest non-zero reference share 1e-5 ≤ 1e-4: the empty bin becomes 1e-5 / 1e6.
        // r = [1e-5 / 1e6, 1e-5, 1 - 1e-5], c = [.5, .25, .25] gives 15.888900338551279; the epsilon rule fills 1e-4
        // instead, and r = [1e-4, 1e-5, 1 - 1e-5] gives 7.82900079399933.
        double[] reference = [0, 1e-5, 1 - 1e-5];
        double[] current = [0.5, 0.25, 0.25];

        Assert.Equal(15.888900338551279, Psi.FromShares(reference, current, EmptyBinRule.Evidently));
        Assert.Equal(7.82900079399933, Psi.FromShares(reference, current, EmptyBinRule.Epsilon));
    }

    [Fact]
    public void Identical_distributions_have_zero_psi() =>
        Assert.Equal(0, Psi.FromCounts([5, 0, 7], [10, 0, 14], EmptyBinRule.Evidently), 1e-15);

    [Fact]
    public void An_empty_side_is_an_error() =>
        Assert.Throws<MetricException>(() => Psi.FromCounts([0, 0], [1, 2], EmptyBinRule.Evidently));

    [Theory]
    [InlineData(new[] { 0.5, double.NaN }, new[] { 0.5, 0.5 }, "reference[1] is NaN")]
    [InlineData(new[] { 0.5, 0.5 }, new[] { double.PositiveInfinity, 0.5 }, "current[0] is ∞")]
    [InlineData(new[] { 1.5, -0.5 }, new[] { 0.5, 0.5 }, "reference[1] is -0.5; expected a share of 0 or more")]
    public void Shares_that_are_not_finite_or_negative_are_refused_by_their_index(double[] reference, double[] current, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Psi.FromShares(reference, current, EmptyBinRule.Evidently));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_count_is_refused_by_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => Psi.FromCounts([3, -1], [1, 1], EmptyBinRule.Evidently));

        Assert.StartsWith("counts[1] is -1", error.Message, StringComparison.Ordinal);
    }
}
