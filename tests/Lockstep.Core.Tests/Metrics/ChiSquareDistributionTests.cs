using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Oracle: SciPy 1.10.1 (Debian 12's python3-scipy), values printed with <c>repr</c>:
/// <c>scipy.stats.chi2.sf(x, df)</c> and <c>scipy.stats.chi2.isf(p, df)</c>.
/// </summary>
public class ChiSquareDistributionTests
{
    [Theory]
    [InlineData(0.5, 1, 0.47950012218695337)]
    [InlineData(3.84, 1, 0.05004352124870519)]
    [InlineData(1e-10, 1, 0.9999920211543921)]
    [InlineData(50, 1, 1.537459794428033e-12)]
    [InlineData(200, 1, 2.0884875837625688e-45)] // far tail
    [InlineData(0.1, 2, 0.951229424500714)]
    [InlineData(10, 3, 0.01856613546304325)]
    [InlineData(25, 9, 0.002971180485917624)]
    [InlineData(100, 9, 1.5735176303753876e-17)]
    [InlineData(400, 9, 1.3699125019662825e-80)] // far tail
    [InlineData(1, 0.5, 0.15351359580832247)] // fractional df
    [InlineData(7.5, 7, 0.37873690604821353)]
    [InlineData(9, 10, 0.5321035763747151)] // series branch
    [InlineData(150, 99, 0.0007204453957169282)]
    [InlineData(90, 99, 0.729834410284651)]
    [InlineData(10500, 10000, 0.00024794736798936033)] // large df
    [InlineData(9800, 10000, 0.922055043773486)]
    [InlineData(11500, 10000, 2.1843897715097234e-24)]
    [InlineData(100000, 99999, 0.49851322909373935)]
    [InlineData(101500, 99999, 0.00041709145198616147)]
    [InlineData(1500, 1000, 1.0454640385980825e-22)]
    [InlineData(2000, 1000, 4.1436785914539184e-69)]
    [InlineData(0.001, 4, 0.9999998750416589)]
    [InlineData(30, 4, 4.894437128029217e-06)]
    public void Survival_function_matches_chi2_sf(double x, double df, double expected) =>
        AssertRelative(expected, ChiSquareDistribution.Sf(x, df));

    [Theory]
    [InlineData(0.05, 1, 3.8414588206941285)]
    [InlineData(0.05, 2, 5.991464547107983)]
    [InlineData(0.05, 9, 16.91897760462045)]
    [InlineData(0.01, 9, 21.665994333461928)]
    [InlineData(0.05, 99, 123.22522145336181)]
    [InlineData(0.05, 10000, 10233.748897677937)] // large df
    [InlineData(0.05, 99999, 100735.7324992965)]
    [InlineData(1e-10, 3, 49.542155927523666)] // tail
    [InlineData(1e-100, 5, 476.37943706416274)]
    [InlineData(0.5, 4, 3.3566939800333224)]
    [InlineData(0.95, 9, 3.3251128430668158)] // lower half: bisection on the lower tail
    [InlineData(0.999999, 1, 1.5707963268860577e-12)]
    [InlineData(0.3, 1000, 1022.9598734718893)]
    public void Inverse_survival_function_matches_chi2_isf(double p, double df, double expected) =>
        AssertRelative(expected, ChiSquareDistribution.Isf(p, df));

    [Theory]
    [InlineData(0.05, 3)]
    [InlineData(0.7, 40)]
    [InlineData(1e-30, 12)]
    public void Inverse_undoes_the_survival_function(double p, double df) =>
        AssertRelative(p, ChiSquareDistribution.Sf(ChiSquareDistribution.Isf(p, df), df));

    [Fact]
    public void Ends_of_the_support()
    {
        Assert.Equal((1.0, 0.0), (ChiSquareDistribution.Sf(0, 3), ChiSquareDistribution.Sf(double.PositiveInfinity, 3)));
        Assert.Equal((0.0, 1.0), (ChiSquareDistribution.Cdf(-1, 3), ChiSquareDistribution.Cdf(double.PositiveInfinity, 3)));
        Assert.Equal((double.PositiveInfinity, 0.0), (ChiSquareDistribution.Isf(0, 3), ChiSquareDistribution.Isf(1, 3)));
    }

    [Fact]
    public void Cdf_and_sf_add_to_one() =>
        Assert.Equal(1, ChiSquareDistribution.Cdf(12.5, 9) + ChiSquareDistribution.Sf(12.5, 9), 1e-15);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Degrees_of_freedom_must_be_positive(double df) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquareDistribution.Sf(1, df));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Probability_must_be_between_0_and_1(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquareDistribution.Isf(p, 2));

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
