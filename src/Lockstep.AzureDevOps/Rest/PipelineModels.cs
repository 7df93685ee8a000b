namespace Lockstep.AzureDevOps.Rest;

// The shapes of the Pipelines and Build REST resources Lockstep reads (environments 7.2: EnvironmentInstance,
// EnvironmentDeploymentExecutionRecord; build 7.1: BuildDefinitionReference, Build, Change).

internal sealed record EnvironmentInstance(int Id, string Name);

internal sealed record OrchestrationOwner(int Id, string? Name);

internal sealed record DeploymentRecord(
    long Id,
    int EnvironmentId,
    OrchestrationOwner? Owner,
    OrchestrationOwner? Definition,
    string? StageName,
    int StageAttempt,
    string? Result,
    DateTimeOffset? StartTime,
    DateTimeOffset? FinishTime);

internal sealed record DefinitionReference(int Id, string Name);

internal sealed record BuildRepository(string? Id, string? Type);

internal sealed record Build(
    int Id,
    string? BuildNumber,
    string? Status,
    string? Result,
    DateTimeOffset? StartTime,
    DateTimeOffset? FinishTime,
    string? SourceVersion,
    BuildRepository? Repository,
    DefinitionReference? Definition);

internal sealed record BuildChange(string Id, string? Message, DateTimeOffset? Timestamp, string? Type);
