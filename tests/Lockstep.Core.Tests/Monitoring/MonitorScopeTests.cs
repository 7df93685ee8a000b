using Lockstep.Core.Monitoring;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Monitoring;

public sealed class MonitorScopeTests
{
    private static readonly GatePolicy Policy = PolicyReader.Parse("""
        version: 1
        gates:
          - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback }
          - { id: auc, metric: auc, max_regression: 3%, action: page }
          - { id: auc-eu, metric: auc, slice: region=EU, min: 0.8 }
          - { id: p99, metric: latency.p99_ms, max: 150 }
          - { id: stale, metric: freshness.max_hours, max: 24 }
          - { id: budget, metric: budget.availability.remaining, min: 0 }
        """, "lockstep.yml");

    [Theory]
    [InlineData("drift.psi.max", MetricFamily.Drift)]
    [InlineData("drift.psi.tenure", MetricFamily.Drift)]
    [InlineData("freshness.event_time_hours", MetricFamily.Freshness)]
    [InlineData("latency.p99_ms", MetricFamily.Latency)]
    [InlineData("budget.availability.remaining", MetricFamily.Budget)]
    [InlineData("auc", MetricFamily.Quality)]
    [InlineData("drifty", MetricFamily.Quality)]
    public void A_metric_belongs_to_the_family_its_prefix_names(string metric, MetricFamily family) =>
        Assert.Equal(family, MonitorScope.FamilyOf(metric));

    [Fact]
    public void Drift_alone_decides_only_the_drift_gates_and_names_the_rest_in_policy_order()
    {
        var scope = MonitorScope.Select(Policy, new HashSet<MetricFamily> { MetricFamily.Drift });

        Assert.Equal(["psi"], scope.Policy.Gates.Select(g => g.Id));
        Assert.Equal(["auc", "auc-eu", "p99", "stale", "budget"], scope.NotMonitored.Select(g => g.Id));
        Assert.Equal("not monitored (no quality or latency or freshness or budget measured): auc, auc-eu, p99, stale, budget", scope.Describe());
    }

    [Fact]
    public void Labels_bring_every_quality_gate_slices_included_and_keep_the_policy_settings()
    {
        var scope = MonitorScope.Select(Policy, new HashSet<MetricFamily> { MetricFamily.Drift, MetricFamily.Quality, MetricFamily.Freshness });

        Assert.Equal(["psi", "auc", "auc-eu", "stale"], scope.Policy.Gates.Select(g => g.Id));
        Assert.Equal(Policy.FirstModel, scope.Policy.FirstModel);
        Assert.Equal(Policy.Source, scope.Policy.Source);
        Assert.Equal("not monitored (no latency or budget measured): p99, budget", scope.Describe());
    }

    [Fact]
    public void Nothing_is_described_when_every_gate_is_decided() =>
        Assert.Null(MonitorScope.Select(Policy, Enum.GetValues<MetricFamily>().ToHashSet()).Describe());
}
