using System.Text.Json;

namespace Lockstep.AzureDevOps.Rest;

// The Work Item Tracking resources Lockstep reads (wit 7.1: Wiql, WorkItemQueryResult, WorkItem).

internal sealed record Wiql(string Query);

internal sealed record WorkItemReference(int Id);

internal sealed record WiqlResult(IReadOnlyList<WorkItemReference>? WorkItems);

internal sealed record WorkItem(int Id, IReadOnlyDictionary<string, JsonElement>? Fields);
