using Lockstep.Core.Drift;

namespace Lockstep.Core.Tests.Drift;

public class DriftOptionsTests
{
    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_psi_threshold_that_is_negative_or_not_finite_is_refused(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>("PsiThreshold", () => new DriftOptions { PsiThreshold = threshold });

    [Fact]
    public void A_psi_threshold_of_zero_is_allowed() =>
        Assert.Equal(0, new DriftOptions { PsiThreshold = 0 }.PsiThreshold);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void A_psi_level_outside_0_and_1_is_refused(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>("PsiLevel", () => new DriftOptions { PsiLevel = level });

    [Fact]
    public void The_psi_level_defaults_to_95_percent() =>
        Assert.Equal(0.95, new DriftOptions().PsiLevel);
}
