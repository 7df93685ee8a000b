using System.Text.Json.Serialization;
using Lockstep.Core.Gates;
using Lockstep.Core.Json;

namespace Lockstep.Core.Rebuild;

/// <summary>
/// The result <c>lockstep.rebuild-check/v1</c>: whether a model rebuilt from the registered model's commit matches
/// the registered model's report card. Schema: <c>docs/schemas/rebuild-check.v1.schema.json</c>.
/// </summary>
public sealed record RebuildCheck
{
    public const string SchemaId = "lockstep.rebuild-check/v1";

    public string Schema { get; init; } = SchemaId;

    public required RebuildVerdict Verdict { get; init; }

    /// <summary>The verdict line: <c>identical</c>, <c>differs (2 differences)</c> or <c>cannot tell: …</c>.</summary>
    public required string Summary { get; init; }

    /// <summary>The absolute tolerance of metric values: equal when |registered − rebuilt| ≤ tolerance.</summary>
    public required double Tolerance { get; init; }

    /// <summary>The two report cards (roles <c>registered</c> and <c>rebuilt</c>) with their digests.</summary>
    public required IReadOnlyList<InputDigest> Inputs { get; init; }

    public required IReadOnlyList<RebuildDifference> Differences { get; init; }

    /// <summary>Why the check cannot tell (a field of the registered card it needs is absent); empty otherwise.</summary>
    public required IReadOnlyList<string> CannotTell { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<RebuildVerdict>))]
public enum RebuildVerdict
{
    Identical,
    Differs,
    CannotTell,
}

[JsonConverter(typeof(SnakeCaseEnumConverter<RebuildDifferenceKind>))]
public enum RebuildDifferenceKind
{
    Run,
    Model,
    DataPin,
    Metric,
    Feature,
}

/// <summary>
/// One difference between the registered and the rebuilt card. <see cref="Registered"/> and <see cref="Rebuilt"/>
/// are the values as the message writes them, null where that card lacks the field.
/// </summary>
public sealed record RebuildDifference
{
    public required RebuildDifferenceKind Kind { get; init; }

    /// <summary>What differs: <c>run.seed</c>, a data pin's role, a metric's or feature's name.</summary>
    public required string Subject { get; init; }

    /// <summary>The metric's slice (<c>region=EU</c>); null for overall metrics and other kinds.</summary>
    public string? Slice { get; init; }

    /// <summary>The field of a data pin or feature profile (<c>sha256</c>, <c>rows</c>, <c>bin 3</c>); null otherwise.</summary>
    public string? Field { get; init; }

    public string? Registered { get; init; }

    public string? Rebuilt { get; init; }

    /// <summary>rebuilt − registered, for a metric present on both sides.</summary>
    public double? Delta { get; init; }

    /// <summary>The line printed for this difference.</summary>
    public required string Message { get; init; }
}
