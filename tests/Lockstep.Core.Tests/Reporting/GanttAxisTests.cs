using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public class GanttAxisTests
{
    [Theory]
    [InlineData(0.5, "15minute", "%-H:%M")]
    [InlineData(2, "15minute", "%-H:%M")]
    [InlineData(2.1, "30minute", "%-H:%M")]
    [InlineData(24, "3hour", "%-H:%M")]
    [InlineData(24.1, "6hour", "day %-j %H:%M")]
    [InlineData(83.8, "12hour", "day %-j %H:%M")]
    [InlineData(96.1, "1day", "day %-j")]
    [InlineData(24 * 31.25, "1week", "day %-j")]
    [InlineData(24 * 400, "4week", "day %-j")]
    public void The_interval_is_the_shortest_that_needs_at_most_eight_ticks(double hours, string interval, string format)
    {
        Assert.Equal(new GanttAxis(interval, format), GanttAxis.For(hours));
    }
}
