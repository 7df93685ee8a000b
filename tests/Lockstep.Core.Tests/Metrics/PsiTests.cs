using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class PsiTests
{
    [Fact]
    public void Shares_example_from_the_design_is_0_047223()
    {
        // Oracle: numpy.sum((r - c) * numpy.log(r / c)) = 0.04722308044204257 for these shares.
        var psi = Psi.FromShares([0.3, 0.4, 0.2, 0.1], [0.25, 0.35, 0.25, 0.15], EmptyBinRule.Evidently);

        Assert.Equal(0.04722308044204257, psi, 1e-12);
    }

    [Fact]
    public void Empty_reference_bin_takes_evidently_s_small_share()
    {
        // Categories {1, 2, 3}: reference [3, 2, 2] has shares [0, 2/3, 1/3], current [1, 2, 3] has [1/3, 1/3, 1/3].
        // The reference's smallest share 1/3 > 1e-4, so the empty bin becomes 1e-4 (Evidently get_binned_data).
        // Oracle: numpy on r = [1e-4, 2/3, 1/3], c = [1/3] * 3 gives 2.9341472484810085.
        var psi = Psi.FromCounts([0, 2, 1], [1, 1, 1], EmptyBinRule.Evidently);

        Assert.Equal(2.9341472484810085, psi, 1e-12);
    }

    [Fact]
    public void Evidently_rule_scales_the_fill_to_tiny_shares()
    {
        // Smallest non-zero reference share 1e-5 ≤ 1e-4: the empty bin becomes 1e-5 / 1e6.
        double[] reference = [0, 1e-5, 1 - 1e-5];
        double[] current = [0.5, 0.25, 0.25];
        var expected = ((1e-11 - 0.5) * Math.Log(1e-11 / 0.5)) + ((1e-5 - 0.25) * Math.Log(1e-5 / 0.25)) + ((1 - 1e-5 - 0.25) * Math.Log((1 - 1e-5) / 0.25));

        Assert.Equal(expected, Psi.FromShares(reference, current, EmptyBinRule.Evidently), 1e-12);
        Assert.NotEqual(expected, Psi.FromShares(reference, current, EmptyBinRule.Epsilon), 1e-3);
    }

    [Fact]
    public void Identical_distributions_have_zero_psi() =>
        Assert.Equal(0, Psi.FromCounts([5, 0, 7], [10, 0, 14], EmptyBinRule.Evidently), 1e-15);

    [Fact]
    public void An_empty_side_is_an_error() =>
        Assert.Throws<MetricException>(() => Psi.FromCounts([0, 0], [1, 2], EmptyBinRule.Evidently));
}
