using Lockstep.Core.Alerts;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Tests.Alerts;

/// <summary>A monitor run's gate result and drift report, built through the real gate engine and drift calculator.</summary>
internal static class AlertTestData
{
    public static readonly DateTimeOffset At = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);

    public const string Gates = """
          - { id: psi-max, metric: drift.psi.max, max: 0.25, action: rollback }
          - { id: psi-share, metric: drift.share_drifted, max: 0.5, action: page }
          - { id: fresh, metric: freshness.age_hours, max: 24, action: warn }
          - { id: auc, metric: auc, min: 0.8, action: page }
        """;

    public static GateResult Run(params (string Metric, double Value)[] metrics) =>
        GateEvaluator.Evaluate(TestData.PolicyOf(Gates), TestData.Card("monitor", metrics), null);

    /// <summary>A drift report whose features have these PSI values (threshold 0.1).</summary>
    public static DriftReport DriftOf(params (string Feature, double Psi)[] features)
    {
        var sample = FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 1 }, missing: 0);
        var digest = new InputDigest("reference", "ref.csv", new string('0', 64));
        var drifts = features
            .Select(f => FeatureDriftCalculator.Compare(f.Feature, sample, sample, new DriftOptions()) with { Psi = f.Psi, Drifted = f.Psi >= 0.1 })
            .ToList();
        return DriftReport.Create(new DriftOptions(), digest, 1, digest with { Role = "current", Path = "cur.csv" }, 1, drifts);
    }

    public static MonitorAlert Alert(bool firing = true) => MonitorAlerts.From(
        Run(("drift.psi.max", firing ? 0.4 : 0.05), ("drift.share_drifted", 0.2), ("freshness.age_hours", 3), ("auc", 0.9)),
        "churn",
        At,
        DriftOf(("tenure", 0.4), ("plan", 0.05), ("region", 0.12)),
        "https://github.example.com/o/r/actions/runs/42").Single(a => a.Cause == AlertCause.Drift);
}
