using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public class DurationsTests
{
    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(0.25, "15 min")]
    [InlineData(59.4 / 60, "59 min")]
    [InlineData(59.6 / 60, "1.0 h")]
    [InlineData(1, "1.0 h")]
    [InlineData(3.2, "3.2 h")]
    [InlineData(47.94, "47.9 h")]
    [InlineData(48, "2.0 d")]
    [InlineData(76.8, "3.2 d")]
    [InlineData(24 * 30.04, "30.0 d")]
    public void Minutes_under_an_hour_hours_under_two_days_else_days(double hours, string expected) =>
        Assert.Equal(expected, Durations.Format(hours));

    [Fact]
    public void A_negative_duration_keeps_its_sign() => Assert.Equal("−2.5 h", Durations.Format(-2.5));
}
