using System.Text.Json.Serialization;

namespace Lockstep.AzureDevOps.Rest;

// The shapes of the resources the alert sink writes (pipelines 7.1: Pipeline, Run, RunPipelineParameters;
// wit 7.1: JsonPatchOperation).

internal sealed record PipelineReference(int Id, string Name);

internal sealed record WebLink(string? Href);

internal sealed record RunLinks(WebLink? Web);

internal sealed record PipelineRun(int Id, string? Name, string? State, [property: JsonPropertyName("_links")] RunLinks? Links);

internal sealed record RepositoryRef(string RefName);

internal sealed record RunResources(IReadOnlyDictionary<string, RepositoryRef> Repositories);

internal sealed record RunPipelineParameters(IReadOnlyDictionary<string, string> TemplateParameters, RunResources? Resources);

internal sealed record JsonPatchOperation(string Op, string Path, string Value);
