using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Oracle: SciPy 1.10.1 with NumPy 1.24.2 (Debian 12's python3-scipy), values printed with <c>repr(float(...))</c>:
/// <c>scipy.stats.kstwo.sf(x, n)</c>, <c>scipy.special.smirnov(n, x)</c>, and the private helpers
/// <c>_kolmogn_DMTW(n, x)</c>, <c>_kolmogn_Pomeranz(n, x)</c>, <c>_kolmogn_PelzGood(n, x)</c> of
/// <c>scipy.stats._ksstats</c>.
/// </summary>
public class KolmogorovDistributionTests
{
    [Theory]
    [InlineData(10, 0.08, 0.9999978058034054)] // Ruben–Gambino, x <= 1/n, n <= 140
    [InlineData(500, 0.0015, 1.0)] // Ruben–Gambino, x <= 1/n, by Stirling's series
    [InlineData(1, 0.7, 0.6000000000000001)] // Ruben–Gambino with n = 1
    [InlineData(10, 0.95, 1.9531250000000172e-13)] // Ruben–Gambino, x >= 1 - 1/n
    [InlineData(10, 0.6, 0.0005681672000000003)] // x >= 0.5: twice the one-sided tail
    [InlineData(60, 0.1, 0.5521961259289287)] // n <= 140, small n·x²: Durbin matrix
    [InlineData(60, 0.2, 0.014023403960275127)] // n <= 140, middle n·x²: Pomeranz
    [InlineData(60, 0.35, 4.477513128727005e-07)] // n <= 140, large n·x²: twice the one-sided tail
    [InlineData(8571, 0.25, 0.0)] // n·x² >= 370
    [InlineData(8571, 0.2, 5.729994082097361e-301)] // twice the one-sided tail, near underflow
    [InlineData(8571, 0.02, 0.002075777528008902)] // n·x² >= 2.2: twice the one-sided tail
    [InlineData(8571, 0.002, 0.9999999999999938)] // Durbin matrix
    [InlineData(8571, 0.01, 0.35577624429321764)] // n·x^1.5 > 1.4: Pelz–Good
    [InlineData(200000, 0.002, 0.39995085369038097)] // n > 100000: Pelz–Good
    [InlineData(2000000, 0.0012, 0.006297183259583361)] // n > 1000000: approximate one-sided tail
    [InlineData(3, 0.1, 1.0)] // x <= 0.5/n, below the support
    [InlineData(3, 1.0, 0.0)] // x >= 1, above the support
    public void Two_sided_survival_function_matches_kstwo_sf(double n, double x, double expected) =>
        Assert.Equal(expected, KolmogorovDistribution.Sf(x, n), KolmogorovSmirnovTests.PValueTolerance(expected));

    [Theory]
    [InlineData(2.5)]
    [InlineData(0.0)]
    public void Sample_size_that_is_not_a_positive_integer_gives_nan(double n) =>
        Assert.True(double.IsNaN(KolmogorovDistribution.Sf(0.3, n)));

    [Theory]
    [InlineData(1, 0.3, 0.7)]
    [InlineData(5, 0.1, 0.85359)] // x <= 1/n
    [InlineData(5, 0.2, 0.58528)] // x = 1/n exactly
    [InlineData(5, 0.9, 9.999999999999989e-06)] // x >= 1 - 1/n
    [InlineData(100, 0.05, 0.5871453380805337)]
    [InlineData(100, 0.3, 8.859934946331458e-09)]
    [InlineData(8571, 0.02, 0.001037888764004451)]
    [InlineData(8571, 0.2, 2.8649970410486806e-301)]
    [InlineData(2000000, 0.0012, 0.0031485916297916807)] // n > 1000000: approximation
    [InlineData(10, 0.0, 1.0)]
    [InlineData(10, 1.0, 0.0)]
    public void One_sided_survival_function_matches_scipy_special_smirnov(int n, double x, double expected) =>
        Assert.Equal(expected, Smirnov.Sf(n, x), KolmogorovSmirnovTests.PValueTolerance(expected));

    [Theory]
    [InlineData(60, 0.1, 0.44780387407107125)]
    [InlineData(140, 0.07, 0.5223771712053439)]
    [InlineData(8571, 0.002, 6.195020542708417e-15)]
    [InlineData(100000, 0.0005, 8.093259531763628e-21)]
    public void Durbin_matrix_cdf_matches_scipy_to_relative_precision(int n, double x, double expected) =>
        Assert.Equal(expected, DurbinMatrix.Cdf(n, x), expected * 1e-9);

    [Theory]
    [InlineData(60, 0.2, 0.9859765960397249)]
    [InlineData(20, 0.4, 0.9978810778179642)]
    [InlineData(141, 0.15, 0.9968941376464866)]
    public void Pomeranz_cdf_matches_scipy(int n, double x, double expected) =>
        Assert.Equal(expected, Pomeranz.Cdf(n, x), 1e-12);

    [Theory]
    [InlineData(8571, 0.01, 0.6442237557067824)]
    [InlineData(200000, 0.002, 0.600049146309619)]
    [InlineData(1000, 0.02, 0.1891028343104423)]
    public void Pelz_good_cdf_matches_scipy(int n, double x, double expected) =>
        Assert.Equal(expected, PelzGood.Cdf(n, x), 1e-12);
}
