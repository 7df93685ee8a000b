using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Alerts;

/// <summary>
/// One alert stream of <c>lockstep monitor</c> as one run sees it: the condition of one cause of one report id, firing
/// or not. A sink keeps exactly one open incident per report id and cause while it fires, and resolves it once a run
/// sees it recovered.
/// </summary>
public sealed record MonitorAlert
{
    /// <summary>Keeps several monitors of one repository apart (the <c>--report-id</c>).</summary>
    public required string ReportId { get; init; }

    public required AlertCause Cause { get; init; }

    /// <summary>Whether a gate of this cause fails (status <c>fail</c> or <c>error</c>) in this run.</summary>
    public required bool Firing { get; init; }

    /// <summary>The monitor run's verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The most severe action of this cause's failing gates; null when it does not fire.</summary>
    public RunbookAction? Action { get; init; }

    /// <summary>Features whose PSI reached the drift threshold, most drifted first.</summary>
    public IReadOnlyList<DriftedFeature> Drifted { get; init; } = [];

    /// <summary>This cause's gates as evaluated in this run.</summary>
    public IReadOnlyList<GateOutcome> Gates { get; init; } = [];

    /// <summary>Markdown with this run's figures: what an incident's body or a follow-up comment shows.</summary>
    public required string Figures { get; init; }

    /// <summary>The CI run that measured it, when known.</summary>
    public string? RunUrl { get; init; }

    /// <summary>When the monitor measured it.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>What kind of condition an alert is about, from the metric family of its gates.</summary>
public enum AlertCause
{
    /// <summary>Gates on <c>drift.*</c> metrics.</summary>
    Drift,

    /// <summary>Gates on <c>freshness.*</c> metrics.</summary>
    Freshness,

    /// <summary>Gates on the labelled metrics of the serving window (AUC, accuracy, …).</summary>
    Quality,
}

public sealed record DriftedFeature(string Feature, double Psi);
