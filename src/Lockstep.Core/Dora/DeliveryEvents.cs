using System.Text.Json.Serialization;
using Lockstep.Core.Json;

namespace Lockstep.Core.Dora;

/// <summary>The two delivery lanes the article overlays: application code and models.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Lane>))]
public enum Lane
{
    Code,
    Model,
}

/// <summary>
/// One line of <c>lockstep.events/v1</c> (JSON Lines): a deployment or an incident. Every DORA source
/// (file, GitHub, Azure DevOps) produces these. Schema: <c>docs/schemas/events.v1.schema.json</c>.
/// </summary>
public abstract record DeliveryEvent
{
    public const string SchemaId = "lockstep.events/v1";

    public required Lane Lane { get; init; }

    public required string Id { get; init; }

    /// <summary>The 1-based line of the events file, for messages; 0 when not read from a file.</summary>
    public int Line { get; init; }
}

/// <summary>A deployment of one lane to one environment.</summary>
public sealed record Deployment : DeliveryEvent
{
    public required string Environment { get; init; }

    public string? Sha { get; init; }

    /// <summary><c>success</c>, <c>failure</c> (never reached the environment) or <c>rolled_back</c> (reached it, then was undone).</summary>
    public required DeploymentStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The commits this deployment brought (since the lane's previous deployment).</summary>
    public IReadOnlyList<CommitRef> Commits { get; init; } = [];

    /// <summary>The pull request merged into this deployment; its commits replace a squash merge's single commit.</summary>
    public PullRequestRef? Pr { get; init; }

    public string? ModelVersion { get; init; }

    /// <summary>The model lane's stage times: data snapshot → trained → evaluated → deployed.</summary>
    public StageTimes? Stages { get; init; }

    /// <summary>An unplanned deployment that fixes a user-facing failure (rework).</summary>
    public bool Unplanned { get; init; }

    /// <summary>Incidents this deployment fixes; a deployment that fixes an incident is rework.</summary>
    public IReadOnlyList<string> Fixes { get; init; } = [];

    public bool IsRework => Unplanned || Fixes.Count > 0;
}

[JsonConverter(typeof(SnakeCaseEnumConverter<DeploymentStatus>))]
public enum DeploymentStatus
{
    Success,
    Failure,
    RolledBack,
}

public sealed record CommitRef
{
    public required string Sha { get; init; }

    public DateTimeOffset? AuthoredAt { get; init; }

    public DateTimeOffset? CommittedAt { get; init; }
}

public sealed record PullRequestRef
{
    public required int Number { get; init; }

    public IReadOnlyList<CommitRef> Commits { get; init; } = [];
}

public sealed record StageTimes
{
    public DateTimeOffset? DataSnapshotAt { get; init; }

    public DateTimeOffset? TrainedAt { get; init; }

    public DateTimeOffset? EvaluatedAt { get; init; }

    public DateTimeOffset? DeployedAt { get; init; }
}

/// <summary>
/// A production incident; linked to a deployment explicitly, or attributed by time. An incident with <see cref="Drill"/>
/// is a disaster-recovery drill: timed per scenario, never counted as a failure or in the time to restore.
/// </summary>
public sealed record Incident : DeliveryEvent
{
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Null while the incident is open.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    public string? DeploymentId { get; init; }

    /// <summary>The drill's scenario (one of <see cref="DrillScenarios.All"/>); null for a real incident.</summary>
    public string? Drill { get; init; }
}
