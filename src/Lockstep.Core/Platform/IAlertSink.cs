using Lockstep.Core.Alerts;

namespace Lockstep.Core.Platform;

/// <summary>
/// Where monitor alerts live and what they start: a GitHub repository (a <c>repository_dispatch</c> and an incident
/// issue) or an Azure DevOps project (a queued pipeline run and a work item). The state of an alert is kept in the
/// platform (a marker in the issue or work item), never in a file the next run would not have.
/// </summary>
public interface IAlertSink
{
    /// <summary><c>github</c> or <c>azure-devops</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Brings the platform in line with <paramref name="alert"/>: raises an incident (and starts remediation) when it
    /// fires and none is open, comments on the open one when it still fires, closes it with the figures when it no longer
    /// fires, and does nothing when none is open and it does not fire.
    /// </summary>
    /// <exception cref="PullRequestHostException">The platform cannot be reached or refuses after its retries.</exception>
    Task<AlertResult> SyncAsync(MonitorAlert alert, CancellationToken cancellationToken);
}

/// <summary>What a sink did for one alert, with the incident's address.</summary>
/// <param name="Remediation">What was started on a raise (the dispatch's event type, the queued run's URL); null otherwise.</param>
public sealed record AlertResult(AlertChange Change, string? Url, string? Remediation = null);

public enum AlertChange
{
    /// <summary>No incident was open and the condition holds: one opened, remediation started.</summary>
    Raised,

    /// <summary>The open incident got this run's figures; nothing new was started.</summary>
    Updated,

    /// <summary>The condition recovered: the open incident was closed with the figures.</summary>
    Resolved,

    /// <summary>Nothing open and nothing firing.</summary>
    Quiet,
}
