using System.Globalization;
using Lockstep.Core.Alerts;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Tests.Shared;

/// <summary>The drift alert of report <c>churn</c> as a monitor run sees it, firing (rollback, one drifted feature) or recovered.</summary>
internal static class MonitorAlertExamples
{
    public static readonly DateTimeOffset At = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);

    /// <param name="figures">The figures' text; <c>figures psi=…</c> by default.</param>
    public static MonitorAlert Drift(bool firing, double psi, string runUrl, string? figures = null) => new()
    {
        ReportId = "churn",
        Cause = AlertCause.Drift,
        Firing = firing,
        Verdict = firing ? Verdict.Fail : Verdict.Pass,
        Action = firing ? RunbookAction.Rollback : null,
        Drifted = firing ? [new DriftedFeature("tenure", psi)] : [],
        Figures = figures ?? string.Create(CultureInfo.InvariantCulture, $"figures psi={psi}"),
        RunUrl = runUrl,
        At = At,
    };
}
