using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public class WholeTicksTests
{
    // d3.ticks(0, top, 10) steps, printed by d3-array 3.2.4: 3 → 0.2, 5 → 0.5, 7 → 0.5, 8 → 1, 12 → 1, 15 → 2, 40 → 5, 100 → 10.
    [Theory]
    [InlineData(3, 0.2)]
    [InlineData(5, 0.5)]
    [InlineData(7, 0.5)]
    [InlineData(8, 1)]
    [InlineData(12, 1)]
    [InlineData(15, 2)]
    [InlineData(40, 5)]
    [InlineData(100, 10)]
    public void Step_is_d3s_tick_step_for_ten_ticks(int top, double step) => Assert.Equal(step, WholeTicks.Step(top), 9);

    [Theory]
    [InlineData(0, 8)]
    [InlineData(1, 8)]
    [InlineData(3, 8)]
    [InlineData(7, 8)]
    [InlineData(8, 8)]
    [InlineData(11, 11)]
    [InlineData(13, 13)]
    [InlineData(97, 97)]
    public void Top_is_the_smallest_at_or_above_the_highest_count_with_a_whole_step(int highest, int top)
    {
        Assert.Equal(top, WholeTicks.Top(highest));
        Assert.True(WholeTicks.Step(top) >= 1);
    }
}
