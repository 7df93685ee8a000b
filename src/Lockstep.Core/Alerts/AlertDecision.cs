namespace Lockstep.Core.Alerts;

/// <summary>What a sink does for one alert stream in one run.</summary>
public enum AlertStep
{
    /// <summary>Firing and no incident open: open one (remediation pending), start the remediation, mark it started.</summary>
    Raise,

    /// <summary>
    /// Firing, and the open incident's remediation was never started (a raise cut off between the incident and the
    /// dispatch): start it now and mark it started, rather than opening a second incident.
    /// </summary>
    StartRemediation,

    /// <summary>Still firing, remediation started: one comment with this run's figures, nothing new started.</summary>
    Update,

    /// <summary>Recovered with an incident open: close it with this run's figures.</summary>
    Resolve,

    /// <summary>Nothing open and nothing firing: no change.</summary>
    Quiet,
}

/// <summary>The alert lifecycle as a function of what one run sees: is it firing, and what the open incident's marker says.</summary>
public static class AlertDecision
{
    /// <param name="firing">Whether the alert fires in this run.</param>
    /// <param name="open">The marker of the open incident of this report id and cause; null when none is open.</param>
    public static AlertStep Decide(bool firing, AlertStamp? open) => (firing, open) switch
    {
        (true, null) => AlertStep.Raise,
        (true, { RemediationStarted: false }) => AlertStep.StartRemediation,
        (true, _) => AlertStep.Update,
        (false, null) => AlertStep.Quiet,
        (false, _) => AlertStep.Resolve,
    };
}
