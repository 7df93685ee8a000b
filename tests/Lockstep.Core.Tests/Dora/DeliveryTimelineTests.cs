using Lockstep.Core.Dora;

namespace Lockstep.Core.Tests.Dora;

/// <summary>The dashboard's long series on the hand-computed sample (see <see cref="DoraSamples"/>).</summary>
public class DeliveryTimelineTests
{
    private static LaneTimeline Lane(Lane lane, int days, int bucketDays) =>
        DeliveryTimeline.Calculate(DoraSamples.Events(), DoraSamples.Settings, DoraSamples.AsOf, days, bucketDays).Single(l => l.Lane == lane);

    [Fact]
    public void Daily_buckets_count_each_production_deployment_on_its_day_and_leave_staging_out()
    {
        var code = Lane(Core.Dora.Lane.Code, 14, 1);

        Assert.Equal(new DateOnly(2026, 3, 2), code.First);
        Assert.Equal(14, code.Deployments.Count);
        var busy = code.Deployments.Where(b => b.Count > 0).Select(b => b.Start.Day).ToArray();
        Assert.Equal([3, 5, 9, 10, 11, 13], busy);
        Assert.All(code.Deployments.Where(b => b.Count > 0), b => Assert.Equal(1, b.Count));
    }

    [Fact]
    public void Week_buckets_end_with_the_as_of_day_and_round_the_span_up_to_whole_weeks()
    {
        var model = Lane(Core.Dora.Lane.Model, 10, 7);

        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], model.Deployments.Select(b => b.Start));
        Assert.Equal([1, 1], model.Deployments.Select(b => b.Count));
        Assert.Equal(14, model.RollingChangeFailureRate.Count);
    }

    [Fact]
    public void The_rolling_change_failure_rate_on_the_last_day_counts_the_DORA_window_ending_that_day()
    {
        // (03-09 00:00, 03-16 00:00]: c3, c4 (rolled back), c5, c6 (incident i3) → 2 of 4.
        var code = Lane(Core.Dora.Lane.Code, 14, 1);

        Assert.Equal(new DateOnly(2026, 3, 15), code.RollingChangeFailureRate[^1].Day);
        Assert.Equal(0.5, code.RollingChangeFailureRate[^1].Rate);
        Assert.Null(code.RollingChangeFailureRate[0].Rate);
    }

    [Fact]
    public void Weekly_lead_times_are_the_median_and_P95_of_the_commits_first_deployed_that_week()
    {
        var code = Lane(Core.Dora.Lane.Code, 14, 7);

        // Week of 03-02: c1 (24 h; its 03-02-older commit is history), c2 (6 h). Week of 03-09: 0.5, 2, 4, 24, 24, 48 h.
        Assert.Equal((2, 15.0), (code.LeadTimes[0].Commits, code.LeadTimes[0].MedianHours!.Value));
        Assert.Equal((6, 14.0), (code.LeadTimes[1].Commits, code.LeadTimes[1].MedianHours!.Value));

        // NumPy: np.percentile([0.5, 2, 4, 24, 24, 48], 95) = 42.0.
        Assert.Equal(42.0, code.LeadTimes[1].P95Hours!.Value, 12);
    }

    [Fact]
    public void Restores_list_the_restored_incidents_of_the_span_and_stages_the_staged_model_deployments()
    {
        var code = Lane(Core.Dora.Lane.Code, 14, 1);
        var model = Lane(Core.Dora.Lane.Model, 14, 1);

        Assert.Equal([("i1", 2.0), ("i2", 16.5)], code.Restores.Select(r => (r.Incident, r.Hours)));
        Assert.Equal([("i4", 3.0)], model.Restores.Select(r => (r.Incident, r.Hours)));
        Assert.Equal(
            [("m1", 12.0, 6.0, 54.0), ("m2", 18.0, 6.0, 36.0)],
            model.Stages.Select(s => (s.Deployment, s.SnapshotToTrainedHours!.Value, s.TrainedToEvaluatedHours!.Value, s.EvaluatedToDeployedHours!.Value)));
    }

    [Fact]
    public void A_bucket_size_other_than_a_day_or_a_week_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryTimeline.Calculate([], DoraSamples.Settings, DoraSamples.AsOf, 30, 3));
    }
}
