using System.Text.Json.Serialization;
using Lockstep.Core.Json;

using Lockstep.Core.Policy;

namespace Lockstep.Core.Gates;

/// <summary>
/// The gate result <c>lockstep.gate-result/v1</c>. Schema: <c>docs/schemas/gate-result.v1.schema.json</c>.
/// </summary>
public sealed record GateResult
{
    public const string SchemaId = "lockstep.gate-result/v1";

    public string Schema { get; init; } = SchemaId;

    public required Verdict Verdict { get; init; }

    /// <summary>The one action to take: the first failing gate with the highest-severity action; null when all pass.</summary>
    public ActionToTake? Action { get; init; }

    public required IReadOnlyList<GateOutcome> Gates { get; init; }

    public IReadOnlyList<InputDigest> Inputs { get; init; } = [];

    /// <summary>Gates whose bound is broken: status fail or warn.</summary>
    [JsonIgnore]
    public IEnumerable<GateOutcome> Breached =>
        Gates.Where(g => g.Status is GateStatus.Fail or GateStatus.Warn);

    /// <summary>Gates that could not decide.</summary>
    [JsonIgnore]
    public IEnumerable<GateOutcome> Errored => Gates.Where(g => g.Status == GateStatus.Error);
}

[JsonConverter(typeof(SnakeCaseEnumConverter<Verdict>))]
public enum Verdict
{
    Pass,
    Warn,
    Fail,
    Error,
}

[JsonConverter(typeof(SnakeCaseEnumConverter<GateStatus>))]
public enum GateStatus
{
    Pass,

    /// <summary>The gate's bound is broken and its action is <c>warn</c>.</summary>
    Warn,

    /// <summary>The gate's bound is broken and its action blocks the change.</summary>
    Fail,

    /// <summary>The gate could not decide (missing or non-finite value, relative bound on a zero baseline).</summary>
    Error,

    /// <summary>An optional gate whose metric is absent.</summary>
    Skipped,
}

public sealed record ActionToTake(RunbookAction Kind, string Gate, string? Message = null);

public sealed record GateOutcome
{
    public required string Id { get; init; }

    public required string Metric { get; init; }

    public string? Slice { get; init; }

    public required GateStatus Status { get; init; }

    public required RunbookAction Action { get; init; }

    public double? Candidate { get; init; }

    public double? Baseline { get; init; }

    /// <summary>Candidate − baseline.</summary>
    public double? Delta { get; init; }

    /// <summary>(Candidate − baseline) ÷ |baseline|, when the baseline is not zero.</summary>
    public double? RelativeDelta { get; init; }

    /// <summary>
    /// The number the value was compared with: a min or max, or for a change bound the limit it works out to
    /// (0.83614 for "regression ≤ 3%" of 0.862); the broken one when a bound is broken, else the nearest.
    /// Null when nothing was compared.
    /// </summary>
    public double? Limit { get; init; }

    /// <summary>The bounds in words, for example <c>≤ 0.25</c> or <c>regression ≤ 3% (≥ 0.8245)</c>.</summary>
    public required string Bound { get; init; }

    /// <summary>Why the gate has its status, in one sentence.</summary>
    public required string Why { get; init; }

    public string? Message { get; init; }

    public bool Optional { get; init; }

    /// <summary>The gate's line in the policy file, for annotations.</summary>
    public int Line { get; init; }

    /// <summary>The level of the intervals (the gate's <c>confidence:</c>); null for a gate judged on point values.</summary>
    public double? Confidence { get; init; }

    /// <summary>The candidate's value ± z·se at <see cref="Confidence"/>, when a value bound was judged by it.</summary>
    public ValueInterval? CandidateInterval { get; init; }

    /// <summary>The interval of <see cref="Delta"/> at <see cref="Confidence"/>, when a change bound was judged by it.</summary>
    public ValueInterval? DeltaInterval { get; init; }

    /// <summary>
    /// The two-sided p-value of "no change" for a change judged by its interval, or of "no shift" for a PSI judged by
    /// its significance.
    /// </summary>
    public double? PValue { get; init; }

    /// <summary>True when an interval straddled a bound: the status is then the <c>inconclusive:</c> rule's.</summary>
    public bool? Inconclusive { get; init; }

    /// <summary>For an inconclusive gate, about how many more labelled rows would settle it, when the card says how many it has.</summary>
    public long? MoreRows { get; init; }
}

/// <summary>A confidence interval [low, high].</summary>
public sealed record ValueInterval(double Low, double High);

/// <summary>An input file and its SHA-256, so a report names exactly what it judged.</summary>
public sealed record InputDigest(string Role, string Path, string Sha256);
