namespace Lockstep.Core.Dora;

/// <summary>One JSON line of an events file as written; validated and turned into a deployment or an incident.</summary>
internal sealed record EventLine
{
    public string? Type { get; init; }

    public string? Lane { get; init; }

    public string? Id { get; init; }

    public string? Environment { get; init; }

    public string? Sha { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyList<CommitRef>? Commits { get; init; }

    public PullRequestRef? Pr { get; init; }

    public string? ModelVersion { get; init; }

    public StageTimes? Stages { get; init; }

    public bool? Unplanned { get; init; }

    public IReadOnlyList<string>? Fixes { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? DeploymentId { get; init; }
}
