using Lockstep.Core.Alerts;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Alerts;

public class MonitorAlertsTests
{
    [Fact]
    public void One_alert_per_cause_that_has_gates_in_the_result()
    {
        var result = AlertTestData.Run(("drift.psi.max", 0.1), ("drift.share_drifted", 0.1), ("freshness.age_hours", 3), ("auc", 0.9));

        var alerts = MonitorAlerts.From(result, "churn", AlertTestData.At);

        Assert.Equal([AlertCause.Drift, AlertCause.Freshness, AlertCause.Quality], alerts.Select(a => a.Cause));
        Assert.All(alerts, a => Assert.False(a.Firing));
        Assert.All(alerts, a => Assert.Null(a.Action));
        Assert.Equal(["psi-max", "psi-share"], alerts[0].Gates.Select(g => g.Id));
        Assert.Equal(["fresh"], alerts[1].Gates.Select(g => g.Id));
        Assert.Equal(["auc"], alerts[2].Gates.Select(g => g.Id));
    }

    [Fact]
    public void A_cause_without_gates_has_no_alert()
    {
        var policy = TestData.PolicyOf("  - { id: auc, metric: auc, min: 0.8 }\n");
        var result = GateEvaluator.Evaluate(policy, TestData.Card("monitor", ("auc", 0.7)), null);

        var alert = Assert.Single(MonitorAlerts.From(result, "churn", AlertTestData.At));

        Assert.Equal(AlertCause.Quality, alert.Cause);
        Assert.True(alert.Firing);
        Assert.Equal(RunbookAction.Block, alert.Action);
    }

    [Fact]
    public void The_action_is_the_most_severe_of_the_failing_gates_of_the_cause()
    {
        var result = AlertTestData.Run(("drift.psi.max", 0.4), ("drift.share_drifted", 0.8), ("freshness.age_hours", 3), ("auc", 0.7));

        var alerts = MonitorAlerts.From(result, "churn", AlertTestData.At);

        Assert.Equal(RunbookAction.Rollback, alerts.Single(a => a.Cause == AlertCause.Drift).Action);
        Assert.Equal(RunbookAction.Page, alerts.Single(a => a.Cause == AlertCause.Quality).Action);
        Assert.All(alerts, a => Assert.Equal(Verdict.Fail, a.Verdict));
    }

    [Fact]
    public void Only_failing_gates_give_the_action()
    {
        var result = AlertTestData.Run(("drift.psi.max", 0.1), ("drift.share_drifted", 0.8), ("freshness.age_hours", 3), ("auc", 0.9));

        var drift = MonitorAlerts.From(result, "churn", AlertTestData.At).Single(a => a.Cause == AlertCause.Drift);

        Assert.True(drift.Firing);
        Assert.Equal(RunbookAction.Page, drift.Action);
    }

    [Fact]
    public void A_warn_does_not_fire()
    {
        var result = AlertTestData.Run(("drift.psi.max", 0.1), ("drift.share_drifted", 0.1), ("freshness.age_hours", 48), ("auc", 0.9));

        var freshness = MonitorAlerts.From(result, "churn", AlertTestData.At).Single(a => a.Cause == AlertCause.Freshness);

        Assert.Equal(GateStatus.Warn, Assert.Single(freshness.Gates).Status);
        Assert.False(freshness.Firing);
        Assert.Null(freshness.Action);
    }

    [Fact]
    public void A_gate_that_cannot_decide_fires()
    {
        var result = AlertTestData.Run(("drift.psi.max", 0.1), ("drift.share_drifted", 0.1), ("auc", 0.9));

        var freshness = MonitorAlerts.From(result, "churn", AlertTestData.At).Single(a => a.Cause == AlertCause.Freshness);

        Assert.Equal(GateStatus.Error, Assert.Single(freshness.Gates).Status);
        Assert.True(freshness.Firing);
        Assert.Equal(RunbookAction.Warn, freshness.Action);
    }

    [Fact]
    public void The_drift_alert_lists_the_features_at_or_above_the_threshold_most_drifted_first()
    {
        var result = AlertTestData.Run(("drift.psi.max", 0.4), ("drift.share_drifted", 0.5), ("freshness.age_hours", 3), ("auc", 0.9));
        var drift = AlertTestData.DriftOf(("plan", 0.05), ("region", 0.1), ("tenure", 0.4), ("age", 0.1));

        var alerts = MonitorAlerts.From(result, "churn", AlertTestData.At, drift, "https://ci/run/1");

        var alert = alerts.Single(a => a.Cause == AlertCause.Drift);
        Assert.Equal([new DriftedFeature("tenure", 0.4), new DriftedFeature("age", 0.1), new DriftedFeature("region", 0.1)], alert.Drifted);
        Assert.All(alerts.Where(a => a.Cause != AlertCause.Drift), a => Assert.Empty(a.Drifted));
        Assert.All(alerts, a => Assert.Equal("https://ci/run/1", a.RunUrl));
        Assert.Contains("| `tenure` | 0.4 |", alert.Figures, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drift.psi.max", AlertCause.Drift)]
    [InlineData("drift.psi.tenure", AlertCause.Drift)]
    [InlineData("freshness.age_hours", AlertCause.Freshness)]
    [InlineData("auc", AlertCause.Quality)]
    [InlineData("latency.p99_ms", AlertCause.Quality)]
    [InlineData("driftless", AlertCause.Quality)]
    public void The_cause_comes_from_the_metric_family(string metric, AlertCause cause) =>
        Assert.Equal(cause, MonitorAlerts.CauseOf(metric));
}
