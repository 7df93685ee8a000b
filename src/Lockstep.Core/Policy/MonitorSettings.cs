using Lockstep.Core.Dora;

namespace Lockstep.Core.Policy;

/// <summary>The <c>monitor:</c> section of lockstep.yml: how <c>lockstep monitor</c> names its alerts and what they start.</summary>
public sealed record MonitorSettings
{
    public const string DefaultReportId = "monitor";

    /// <summary>Keeps several monitors of one repository apart; <c>--report-id</c> overrides it.</summary>
    public string ReportId { get; init; } = DefaultReportId;

    public GitHubAlertSettings GitHub { get; init; } = new();

    public AzureDevOpsAlertSettings AzureDevOps { get; init; } = new();

    /// <summary>
    /// The labels of an incident issue: the model lane's incident labels (<c>dora.lanes.model.incident_labels</c>,
    /// which the GitHub delivery source reads, so the alert counts toward change failure rate and time to restore)
    /// first, then the section's own.
    /// </summary>
    public IReadOnlyList<string> IssueLabels(DoraSettings dora) => WithIncidentLabels(dora, GitHub.Labels);

    /// <summary>
    /// The tags of an incident work item: the model lane's incident labels first (the tag to give the Azure DevOps
    /// delivery source as <c>--model-incident-tag</c>), then the section's own.
    /// </summary>
    public IReadOnlyList<string> WorkItemTags(DoraSettings dora) => WithIncidentLabels(dora, AzureDevOps.Tags);

    private static List<string> WithIncidentLabels(DoraSettings dora, IReadOnlyList<string> own)
    {
        ArgumentNullException.ThrowIfNull(dora);
        var all = (dora.IncidentLabels.GetValueOrDefault(Lane.Model) ?? []).Concat(own).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return all.Count > 0 ? all : [GitHubAlertSettings.DefaultEventType];
    }
}

/// <summary><c>monitor.github</c>: the <c>repository_dispatch</c> event type and extra issue labels.</summary>
public sealed record GitHubAlertSettings
{
    public const string DefaultEventType = "lockstep-monitor";

    public string EventType { get; init; } = DefaultEventType;

    public IReadOnlyList<string> Labels { get; init; } = [];
}

/// <summary><c>monitor.azure_devops</c>: the retraining pipeline to queue and the work item to keep.</summary>
public sealed record AzureDevOpsAlertSettings
{
    /// <summary>The retraining pipeline's name or numeric id; null when none is configured (then a raise fails).</summary>
    public string? Pipeline { get; init; }

    /// <summary>The branch the run is queued on (<c>refs/heads/main</c>); null for the pipeline's default branch.</summary>
    public string? Branch { get; init; }

    public string WorkItemType { get; init; } = "Bug";

    public IReadOnlyList<string> Tags { get; init; } = [GitHubAlertSettings.DefaultEventType];

    /// <summary>The state a resolved work item is set to (<c>Closed</c> in the Agile process, <c>Done</c> in Scrum and Basic).</summary>
    public string ResolvedState { get; init; } = "Closed";
}
