namespace Lockstep.AzureDevOps;

/// <summary>
/// What <see cref="AzureDevOpsAlertSink"/> queues and keeps: the retraining pipeline (name or numeric id) and branch,
/// and the incident work item's type, tags (the first is the one the open incident is looked for by) and the state
/// that resolves it.
/// </summary>
public sealed record AzureDevOpsAlertTarget(string Pipeline, string? Branch, string WorkItemType, IReadOnlyList<string> Tags, string ResolvedState);
