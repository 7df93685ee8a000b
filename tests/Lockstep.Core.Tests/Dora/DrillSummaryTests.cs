using Lockstep.Core.Dora;
using static Lockstep.Core.Tests.Dora.Events;

namespace Lockstep.Core.Tests.Dora;

public class DrillSummaryTests
{
    private static Incident Drill(string id, string scenario, double daysAgo, double? hours, Lane lane = Lane.Model) =>
        Incident(id, DaysAgo(daysAgo), hours is { } h ? TimeSpan.FromHours(h) : null, lane: lane) with { Drill = scenario };

    [Fact]
    public void Drills_change_neither_the_change_failure_rate_nor_the_time_to_restore_and_are_reported_per_scenario()
    {
        DeliveryEvent[] real =
        [
            Deploy("m1", DaysAgo(10), Lane.Model),
            Deploy("m2", DaysAgo(5.1), Lane.Model),
            Incident("INC-1", DaysAgo(9), TimeSpan.FromHours(2), lane: Lane.Model),
        ];
        DeliveryEvent[] drills =
        [
            Drill("fs-1", DrillScenarios.FeatureStore, 60, 3),
            Drill("fs-2", DrillScenarios.FeatureStore, 20, 5),
            // Opened 2.4 h after m2 finished: as an incident it would be attributed to m2 and fail it.
            Drill("fs-3", DrillScenarios.FeatureStore, 5, 48),
            Drill("mr-1", DrillScenarios.ModelRegistry, 3, null),
            Drill("tc-0", DrillScenarios.TrainingCluster, 100, 7),
            Drill("tc-1", DrillScenarios.TrainingCluster, 40, 1),
            Drill("tc-2", DrillScenarios.TrainingCluster, 30, 2),
        ];

        var model = Calculate([.. real, .. drills]).Model();

        // One of two deployments failed (m1, by INC-1); INC-1 is the only restore: 2 h.
        Assert.Equal(0.5, model.Current.ChangeFailureRate);
        Assert.Equal(["m1"], model.Current.Evidence.FailedDeployments);
        Assert.Equal((1, 2.0, 2.0), (model.Current.RestoredIncidents, model.Current.TimeToRestoreMeanHours, model.Current.TimeToRestoreMedianHours));
        Assert.Equal(["INC-1"], model.Current.Evidence.RestoredIncidents);
        Assert.Empty(model.Current.Evidence.OpenIncidents);
        Assert.Equal(Calculate(real).Model().Deltas, model.Deltas);

        Assert.Equal([DrillScenarios.FeatureStore, DrillScenarios.ModelRegistry, DrillScenarios.TrainingCluster], model.Drills.Select(d => d.Scenario));

        // Feature store: restores of 3, 5 and 48 h; the median of three is the middle one, 5 h; the last drill took 48 h.
        var featureStore = model.Drills[0];
        Assert.Equal((3, 3, 5.0, 48.0), (featureStore.Drills, featureStore.Restored, featureStore.TimeToRestoreMedianHours, featureStore.LastTimeToRestoreHours));
        Assert.Equal([3.0, 5.0, 48.0], featureStore.TimeToRestoreHours);
        Assert.Equal(DaysAgo(5), featureStore.LastOpenedAt);

        // Model registry: one drill, still open: counted, with no time to restore.
        var registry = model.Drills[1];
        Assert.Equal((1, 0), (registry.Drills, registry.Restored));
        Assert.Null(registry.TimeToRestoreMedianHours);
        Assert.Null(registry.LastTimeToRestoreHours);
        Assert.Empty(registry.TimeToRestoreHours);

        // Training cluster: the drill 100 days ago is before the 90 days (three 30-day windows) the report reads;
        // the median of 1 h and 2 h is their mean, 1.5 h.
        var cluster = model.Drills[2];
        Assert.Equal((2, 1.5, 2.0), (cluster.Drills, cluster.TimeToRestoreMedianHours, cluster.LastTimeToRestoreHours));
    }

    [Fact]
    public void A_drill_belongs_to_its_lane_only()
    {
        var report = Calculate(Drill("code-drill", DrillScenarios.ModelRegistry, 2, 1.25, Lane.Code));

        Assert.Empty(report.Model().Drills);
        var drill = Assert.Single(report.Code().Drills);
        Assert.Equal((DrillScenarios.ModelRegistry, 1.25), (drill.Scenario, drill.TimeToRestoreMedianHours));
        Assert.Empty(report.UnattributedIncidents);
    }

    [Fact]
    public void A_drill_still_running_at_as_of_is_open_and_one_opened_after_it_is_not_known()
    {
        var report = Calculate(
            Drill("running", DrillScenarios.FeatureStore, 0.5, 24),
            Drill("later", DrillScenarios.FeatureStore, -1, 1));

        var drill = Assert.Single(report.Model().Drills);
        Assert.Equal((1, 0), (drill.Drills, drill.Restored));
        Assert.Null(drill.LastTimeToRestoreHours);
    }
}
