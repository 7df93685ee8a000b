using Lockstep.Core.Gates;

namespace Lockstep.Core.Tests.Gates;

public class ToleranceTests
{
    [Fact]
    public void Sum_computed_in_floating_point_is_close_to_its_exact_value()
    {
        var limit = 0.80 + 0.05;

        Assert.NotEqual(0.85, limit);
        Assert.True(Tolerance.AtLeast(0.85, limit));
        Assert.True(Tolerance.AtMost(limit, 0.85));
    }

    [Theory]
    [InlineData(1.0, 1.0 + 1e-10, true)]
    [InlineData(1.0, 1.0 + 1e-8, false)]
    [InlineData(1e6, 1e6 + 1e-4, true)]
    [InlineData(0.0, 1e-300, false)]
    [InlineData(-0.5, -0.5, true)]
    public void IsClose_uses_a_relative_tolerance_of_1e9(double a, double b, bool close) =>
        Assert.Equal(close, Tolerance.IsClose(a, b));
}
