using Lockstep.Core.Dora;

namespace Lockstep.AzureDevOps;

/// <summary>
/// What the Azure DevOps delivery source reads, per lane: the Azure Pipelines environments whose deployment records
/// are the lane's deployments, or the pipelines whose completed runs are, and the tag (with an optional work item
/// type) that marks the lane's incidents; and how far back.
/// </summary>
public sealed record DeliverySourceSettings
{
    public IReadOnlyDictionary<Lane, IReadOnlyList<string>> Environments { get; init; } = new Dictionary<Lane, IReadOnlyList<string>>();

    public IReadOnlyDictionary<Lane, IReadOnlyList<string>> Pipelines { get; init; } = new Dictionary<Lane, IReadOnlyList<string>>();

    /// <summary>Work items with this tag are the lane's incidents.</summary>
    public IReadOnlyDictionary<Lane, string> IncidentTags { get; init; } = new Dictionary<Lane, string>();

    /// <summary>When set, only work items of this type (such as <c>Bug</c> or a custom <c>Incident</c>) count.</summary>
    public string? IncidentType { get; init; }

    /// <summary>Deployments that finished and incidents opened before this are not read.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>The environment written for a pipeline run taken as a deployment; the policy's production patterns match it.</summary>
    public string PipelineEnvironment { get; init; } = "production";

    /// <summary>
    /// The tag both lanes name (Azure DevOps tags ignore case), or null: a work item with it would be an incident of
    /// both lanes, counted twice, so the callers refuse it.
    /// </summary>
    public string? SharedIncidentTag =>
        IncidentTags.TryGetValue(Lane.Code, out var code) && IncidentTags.TryGetValue(Lane.Model, out var model)
            && string.Equals(code.Trim(), model.Trim(), StringComparison.OrdinalIgnoreCase) ? model : null;

    public bool ReadsAnything =>
        Environments.Values.Any(v => v.Count > 0) || Pipelines.Values.Any(v => v.Count > 0) || IncidentTags.Count > 0;
}
