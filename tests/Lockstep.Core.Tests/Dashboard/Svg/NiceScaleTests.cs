using CsCheck;
using Lockstep.Core.Dashboard.Svg;

namespace Lockstep.Core.Tests.Dashboard.Svg;

public class NiceScaleTests
{
    [Theory]
    [InlineData(3.0, 3.0, 1.0)]
    [InlineData(12.0, 15.0, 5.0)]
    [InlineData(37.0, 40.0, 10.0)]
    public void A_count_axis_has_whole_number_ticks_from_zero_past_the_largest_count(double largest, double max, double step)
    {
        var scale = NiceScale.For([0, largest], wholeNumbers: true);

        Assert.Equal((0.0, max, step), (scale.Min, scale.Max, scale.Step));
        Assert.All(scale.Ticks(), t => Assert.Equal(Math.Round(t), t));
    }

    [Fact]
    public void A_small_share_gets_fractional_ticks()
    {
        var scale = NiceScale.For([0.031, 0.12], wholeNumbers: false);

        Assert.Equal((0.0, 0.15, 0.05), (scale.Min, Math.Round(scale.Max, 12), scale.Step));
    }

    [Fact]
    public void Every_value_lies_on_the_axis_and_there_are_at_most_eleven_ticks()
    {
        Gen.Double[-1e6, 1e6].Array[1, 50].Select(Gen.Bool).Sample((values, whole) =>
        {
            var scale = NiceScale.For(values, whole);
            Assert.All(values, v => Assert.InRange(scale.Fraction(v), -1e-12, 1 + 1e-12));
            Assert.InRange(scale.Ticks().Count(), 2, 11);
            if (whole)
            {
                Assert.All(scale.Ticks(), t => Assert.Equal(Math.Round(t), t));
            }
        });
    }

    [Fact]
    public void An_axis_not_from_zero_starts_just_below_the_smallest_value()
    {
        var scale = NiceScale.For([0.812, 0.874, 0.862], wholeNumbers: false, fromZero: false);

        Assert.Equal((0.8, 0.88), (Math.Round(scale.Min, 12), Math.Round(scale.Max, 12)));
    }

    [Fact]
    public void One_value_not_from_zero_gets_room_on_both_sides()
    {
        var scale = NiceScale.For([150.0], wholeNumbers: false, fromZero: false);

        Assert.True(scale.Min < 150 && scale.Max > 150, $"{scale.Min} to {scale.Max}");
    }
}
