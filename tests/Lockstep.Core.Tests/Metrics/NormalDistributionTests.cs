using CsCheck;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class NormalDistributionTests
{
    // Oracle: SciPy 1.10.1, repr(scipy.stats.norm.sf(x)).
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.3085375387259869)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(1.959963984540054, 0.025)]
    [InlineData(2.9, 0.0018658133003840375)]
    [InlineData(3.0, 0.0013498980316300933)]
    [InlineData(3.1, 0.0009676032132183563)]
    [InlineData(5.0, 2.866515718791933e-07)]
    [InlineData(8.0, 6.22096057427174e-16)]
    [InlineData(10.0, 7.61985302416047e-24)]
    [InlineData(20.0, 2.7536241186061556e-89)]
    [InlineData(37.0, 5.7255712225239266e-300)]
    public void Upper_tail_matches_scipy_to_a_relative_1e_12(double x, double expected)
    {
        Assert.Equal(1, NormalDistribution.UpperTail(x) / expected, 1e-12);
        Assert.Equal(1 - expected, NormalDistribution.Cdf(x), 1e-15);
    }

    // Oracle: SciPy 1.10.1, repr(scipy.stats.norm.ppf(p)).
    [Theory]
    [InlineData(1e-300, -37.0470962993612)]
    [InlineData(1e-12, -7.034483825301131)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.02425, -1.972961051311885)]
    [InlineData(0.025, -1.9599639845400545)]
    [InlineData(0.05, -1.6448536269514729)]
    [InlineData(0.3, -0.5244005127080409)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.7, 0.5244005127080407)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(0.999999, 4.753424308817087)]
    public void Quantile_matches_scipy(double p, double expected) =>
        Assert.Equal(expected, NormalDistribution.Quantile(p), 1e-13);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Quantile_of_a_value_that_is_not_a_probability_is_refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(nameof(p), () => NormalDistribution.Quantile(p));

    // On the lower half Φ(x) keeps its digits; above it 1 − Φ(x) rounds away what the quantile would need.
    [Fact]
    public void Quantile_inverts_the_cdf() =>
        Gen.Double[-8, 0.5].Sample(x => Assert.Equal(x, NormalDistribution.Quantile(NormalDistribution.Cdf(x)), 1e-7));

    [Fact]
    public void Two_sided_p_value_is_symmetric_and_a_probability() =>
        Gen.Double[-50, 50].Sample(z =>
        {
            var p = NormalDistribution.TwoSidedPValue(z);
            Assert.InRange(p, 0, 1);
            Assert.Equal(p, NormalDistribution.TwoSidedPValue(-z));
        });
}
