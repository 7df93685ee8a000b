using Lockstep.Core.Dora;
using static Lockstep.Core.Tests.Dora.DoraSamples;

namespace Lockstep.Core.Tests.Dora;

public class PrLeadTimeTests
{
    private static readonly DateTimeOffset Opened = At("03-14T00:00");
    private static readonly DateTimeOffset Now = At("03-15T12:00");

    [Fact]
    public void Counts_from_the_earliest_commit_time()
    {
        CommitRef[] commits = [Commit("b", "03-13T12:00"), Commit("a", "03-12T12:00")];

        var view = PrLeadTime.Calculate(commits, Opened, Now, null, CommitTime.Committed);

        Assert.Equal(72, view.HoursSoFar, 1e-9);
        Assert.Equal("first commit", view.StartedFrom);
    }

    [Fact]
    public void Uses_the_configured_commit_time_and_the_other_when_it_is_missing()
    {
        CommitRef[] commits =
        [
            new() { Sha = "a", AuthoredAt = At("03-10T12:00"), CommittedAt = At("03-13T12:00") },
            new() { Sha = "b", AuthoredAt = At("03-12T12:00") },
        ];

        Assert.Equal(72, PrLeadTime.Calculate(commits, Opened, Now, null, CommitTime.Committed).HoursSoFar, 1e-9); // b has no committed time: its authored time
        Assert.Equal(120, PrLeadTime.Calculate(commits, Opened, Now, null, CommitTime.Authored).HoursSoFar, 1e-9);
    }

    [Fact]
    public void Without_commit_times_counts_from_when_the_PR_was_opened()
    {
        var none = PrLeadTime.Calculate([], Opened, Now, null, CommitTime.Committed);
        var timeless = PrLeadTime.Calculate([new CommitRef { Sha = "a" }], Opened, Now, null, CommitTime.Committed);

        Assert.Equal((36.0, "PR opened"), (none.HoursSoFar, none.StartedFrom));
        Assert.Equal((36.0, "PR opened"), (timeless.HoursSoFar, timeless.StartedFrom));
    }

    [Fact]
    public void Places_the_PR_in_the_lanes_lead_times()
    {
        // 3.5 h against 1, 2, 3, 4, 10: median 3; P95 at index 0.95 × 4 = 3.8 → 4 + 0.8 × 6 = 8.8; 3 of 5 are ≤ 3.5.
        var view = PrLeadTime.Calculate([], At("03-15T08:30"), Now, LaneWith(1, 2, 3, 4, 10), CommitTime.Committed);

        Assert.Equal(3.5, view.HoursSoFar, 1e-9);
        Assert.Equal(3, view.LaneMedianHours!.Value, 1e-9);
        Assert.Equal(8.8, view.LaneP95Hours!.Value, 1e-9);
        Assert.Equal(0.6, view.PercentileRank!.Value, 1e-9);
        Assert.Equal(5, view.LaneSamples);
    }

    [Fact]
    public void A_lead_time_equal_to_the_PRs_counts_as_at_most_as_long()
    {
        var view = PrLeadTime.Calculate([], At("03-15T08:00"), Now, LaneWith(10, 4, 2), CommitTime.Committed);

        Assert.Equal(2 / 3.0, view.PercentileRank!.Value, 1e-9);
        Assert.Equal(4, view.LaneMedianHours!.Value, 1e-9);
    }

    [Fact]
    public void An_empty_lane_gives_no_comparison()
    {
        var view = PrLeadTime.Calculate([], Opened, Now, LaneWith(), CommitTime.Committed);

        Assert.Equal(new PrLeadTimeView(36, "PR opened", null, null, null, 0), view);
    }

    [Fact]
    public void A_clock_that_starts_after_now_has_run_for_zero_hours() =>
        Assert.Equal(0, PrLeadTime.Calculate([], At("03-16T00:00"), Now, null, CommitTime.Committed).HoursSoFar);
}
