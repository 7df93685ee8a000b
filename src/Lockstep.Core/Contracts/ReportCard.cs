namespace Lockstep.Core.Contracts;

/// <summary>
/// The report card <c>lockstep.report-card/v1</c>: what the model plane hands the delivery plane.
/// Schema: <c>docs/schemas/report-card.v1.schema.json</c>.
/// </summary>
public sealed record ReportCard
{
    public const string SchemaId = "lockstep.report-card/v1";

    public required string Schema { get; init; }

    public required ModelInfo Model { get; init; }

    public RunInfo? Run { get; init; }

    public IReadOnlyList<DatasetReference> Datasets { get; init; } = [];

    /// <summary>Flat dotted metric names (<c>auc</c>, <c>latency.p99_ms</c>) to values.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Slice name (<c>region=EU</c>) to that slice's metrics.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Slices { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>Feature name to its profile, so drift can be computed without the raw data.</summary>
    public IReadOnlyDictionary<string, FeatureProfile> Features { get; init; } =
        new Dictionary<string, FeatureProfile>();

    public Timeline? Timeline { get; init; }

    public CardFacts? Card { get; init; }
}

public sealed record ModelInfo
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>For example <c>binary-classification</c> or <c>regression</c>.</summary>
    public string? Task { get; init; }
}

public sealed record RunInfo
{
    public string? Commit { get; init; }

    public string? Repository { get; init; }

    public long? Seed { get; init; }
}

public sealed record DatasetReference
{
    /// <summary>For example <c>train</c>, <c>validation</c>, <c>test</c>.</summary>
    public required string Role { get; init; }

    public required string Uri { get; init; }

    public string? Sha256 { get; init; }

    public long? Rows { get; init; }
}

public sealed record FeatureProfile
{
    /// <summary><c>numeric</c> or <c>categorical</c>.</summary>
    public required string Kind { get; init; }

    public Histogram? Histogram { get; init; }

    public IReadOnlyDictionary<string, long>? Categories { get; init; }

    public long Missing { get; init; }
}

/// <summary>Counts over bins: <c>edges</c> has one more entry than <c>counts</c>.</summary>
public sealed record Histogram
{
    public required IReadOnlyList<double> Edges { get; init; }

    public required IReadOnlyList<long> Counts { get; init; }
}

public sealed record Timeline
{
    public DateTimeOffset? DataSnapshotAt { get; init; }

    public DateTimeOffset? TrainedAt { get; init; }

    public DateTimeOffset? EvaluatedAt { get; init; }

    public DateTimeOffset? DeployedAt { get; init; }
}

/// <summary>The human facts of a model card.</summary>
public sealed record CardFacts
{
    public string? IntendedUse { get; init; }

    public string? Limitations { get; init; }

    public string? EthicalConsiderations { get; init; }

    public IReadOnlyList<string> Owners { get; init; } = [];

    public string? License { get; init; }
}
