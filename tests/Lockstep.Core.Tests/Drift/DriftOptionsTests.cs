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
}
