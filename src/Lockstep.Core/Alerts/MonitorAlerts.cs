using Lockstep.Core.Drift;
using Lockstep.Core.Gates;
using Lockstep.Core.Monitoring;

namespace Lockstep.Core.Alerts;

/// <summary>
/// The alert streams of one monitor run: one <see cref="MonitorAlert"/> per cause that has gates in the result. A
/// cause fires when one of its gates fails or cannot decide (a warn does not fire); its action is the most severe of
/// those gates'.
/// </summary>
public static class MonitorAlerts
{
    /// <param name="drift">The run's drift report, for the drifted features of the drift alert; null when there is none.</param>
    public static IReadOnlyList<MonitorAlert> From(GateResult result, string reportId, DateTimeOffset at, DriftReport? drift = null, string? runUrl = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var drifted = drift is null ? [] : Drifted(drift);
        return result.Gates
            .GroupBy(g => CauseOf(g.Metric))
            .OrderBy(g => g.Key)
            .Select(group =>
            {
                var gates = group.ToList();
                var failing = gates.Where(g => g.Status is GateStatus.Fail or GateStatus.Error).ToList();
                var alert = new MonitorAlert
                {
                    ReportId = reportId,
                    Cause = group.Key,
                    Firing = failing.Count > 0,
                    Verdict = result.Verdict,
                    Action = failing.Count > 0 ? failing.Max(g => g.Action) : null,
                    Drifted = group.Key == AlertCause.Drift ? drifted : [],
                    Gates = gates,
                    Figures = string.Empty,
                    RunUrl = runUrl,
                    At = at,
                };
                return alert with { Figures = AlertFigures.Markdown(alert) };
            })
            .ToList();
    }

    /// <summary>The cause a gate's metric belongs to: <c>drift.*</c>, <c>freshness.*</c>, else the labelled metrics.</summary>
    public static AlertCause CauseOf(string metric) => MonitorScope.FamilyOf(metric) switch
    {
        MetricFamily.Drift => AlertCause.Drift,
        MetricFamily.Freshness => AlertCause.Freshness,
        _ => AlertCause.Quality,
    };

    /// <summary>Features whose PSI reached the report's threshold, most drifted first (then by name).</summary>
    public static IReadOnlyList<DriftedFeature> Drifted(DriftReport drift)
    {
        ArgumentNullException.ThrowIfNull(drift);
        return drift.Features
            .Where(f => f.Psi >= drift.Settings.PsiThreshold)
            .OrderByDescending(f => f.Psi)
            .ThenBy(f => f.Feature, StringComparer.Ordinal)
            .Select(f => new DriftedFeature(f.Feature, f.Psi))
            .ToList();
    }
}
