using Lockstep.Core.Dashboard;
using static Lockstep.Core.Tests.Dora.Events;

namespace Lockstep.Core.Tests.Dashboard;

public class LaneGapTests
{
    [Fact]
    public void The_code_lane_is_the_wider_gap_when_its_changes_wait_longer()
    {
        var report = Calculate(
            Deploy("c1", DaysAgo(1), commitAges: [TimeSpan.FromHours(48)]),
            Deploy("m1", DaysAgo(2), Core.Dora.Lane.Model, commitAges: [TimeSpan.FromHours(12)]));

        Assert.StartsWith("The code lane is the wider gap: its changes take 2.0 d from commit to production against 12.0 h for model (4× as long)", LaneGap.Describe(report), StringComparison.Ordinal);
    }

    [Fact]
    public void One_lane_without_lead_times_cannot_be_compared()
    {
        var report = Calculate(Deploy("c1", DaysAgo(1), commitAges: [TimeSpan.FromHours(3)]));

        Assert.Equal("Only the code lane has lead times in the last 30 days, so the lanes cannot be compared yet.", LaneGap.Describe(report));
    }

    [Fact]
    public void Equal_lead_times_are_said_as_such()
    {
        var report = Calculate(
            Deploy("c1", DaysAgo(1), commitAges: [TimeSpan.FromHours(5)]),
            Deploy("m1", DaysAgo(1), Core.Dora.Lane.Model, commitAges: [TimeSpan.FromHours(5)]));

        Assert.Equal("Both lanes take 5.0 h from commit to production (median, last 30 days).", LaneGap.Describe(report));
    }
}
