using System.Text.Json.Serialization;

namespace Lockstep.AzureDevOps.Rest;

/// <summary>The REST shapes, source-generated: camelCase as Azure DevOps writes it, unknown properties ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Lockstep.Core.Json.UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(ListOf<CommentThread>))]
[JsonSerializable(typeof(CommentThread))]
[JsonSerializable(typeof(ThreadComment))]
[JsonSerializable(typeof(NewThread))]
[JsonSerializable(typeof(CommentEdit))]
[JsonSerializable(typeof(ThreadStatusEdit))]
[JsonSerializable(typeof(NewPullRequestStatus))]
[JsonSerializable(typeof(PostedStatus))]
[JsonSerializable(typeof(GitPullRequest))]
[JsonSerializable(typeof(ListOf<GitCommitRef>))]
[JsonSerializable(typeof(ListOf<EnvironmentInstance>))]
[JsonSerializable(typeof(ListOf<DeploymentRecord>))]
[JsonSerializable(typeof(ListOf<DefinitionReference>))]
[JsonSerializable(typeof(ListOf<Build>))]
[JsonSerializable(typeof(ListOf<BuildChange>))]
[JsonSerializable(typeof(Wiql))]
[JsonSerializable(typeof(WiqlResult))]
[JsonSerializable(typeof(ListOf<WorkItem>))]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(ListOf<PipelineReference>))]
[JsonSerializable(typeof(PipelineRun))]
[JsonSerializable(typeof(RunPipelineParameters))]
[JsonSerializable(typeof(IReadOnlyList<JsonPatchOperation>))]
internal sealed partial class AzureDevOpsJson : JsonSerializerContext;
