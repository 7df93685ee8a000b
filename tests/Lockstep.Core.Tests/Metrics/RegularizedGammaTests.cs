using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Oracle: SciPy 1.10.1 (Debian 12's python3-scipy), values printed with <c>repr</c>: <c>scipy.special.gammaln(a)</c>,
/// <c>scipy.special.gammainc(a, x)</c> and <c>scipy.special.gammaincc(a, x)</c>.
/// </summary>
public class RegularizedGammaTests
{
    [Theory]
    [InlineData(0.5, 0.5723649429247)]
    [InlineData(1, 0.0)]
    [InlineData(3.5, 1.2009736023470743)]
    [InlineData(9.99, 12.779315214350195)]
    [InlineData(10, 12.801827480081469)]
    [InlineData(47.5, 134.87498931216194)]
    [InlineData(5000.5, 37586.88488728106)]
    public void Log_gamma_matches_gammaln(double a, double expected) =>
        Assert.Equal(expected, RegularizedGamma.LogGamma(a), Math.Max(Math.Abs(expected), 1) * 1e-13);

    [Theory]
    [InlineData(0.5, 0.2, 0.47291074313446196, 0.5270892568655381)]
    [InlineData(4.5, 2, 0.08858747316832083, 0.9114125268316792)] // series
    [InlineData(4.5, 20, 0.9999924014747705, 7.598525229464264e-06)] // continued fraction
    [InlineData(50, 60, 0.9155933189063082, 0.08440668109369177)]
    [InlineData(50000, 49000, 3.3847542280794866e-06, 0.9999966152457719)] // large a: Stirling's factor
    public void Both_tails_match_gammainc_and_gammaincc(double a, double x, double lower, double upper)
    {
        Assert.True(Math.Abs(RegularizedGamma.Lower(a, x) - lower) <= 1e-9 * lower, $"P: expected {lower:R}, got {RegularizedGamma.Lower(a, x):R}");
        Assert.True(Math.Abs(RegularizedGamma.Upper(a, x) - upper) <= 1e-9 * upper, $"Q: expected {upper:R}, got {RegularizedGamma.Upper(a, x):R}");
    }
}
