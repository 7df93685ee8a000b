namespace Lockstep.Core.Dora;

/// <summary>One JSON line of an events file as written; validated and turned into a deployment or an incident.</summary>
internal sealed class EventLine
{
    public string? Type { get; set; }

    public string? Lane { get; set; }

    public string? Id { get; set; }

    public string? Environment { get; set; }

    public string? Sha { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public IReadOnlyList<CommitRef>? Commits { get; set; }

    public PullRequestRef? Pr { get; set; }

    public string? ModelVersion { get; set; }

    public StageTimes? Stages { get; set; }

    public bool? Unplanned { get; set; }

    public IReadOnlyList<string>? Fixes { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? DeploymentId { get; set; }

    public string? Drill { get; set; }
}
