using Lockstep.Core.Gates;

namespace Lockstep.Core.Freshness;

/// <summary>
/// The freshness report <c>lockstep.freshness/v1</c>: how old each feature's newest value is at <see cref="AsOf"/>,
/// as the metrics <c>freshness.&lt;feature&gt;_hours</c> and <c>freshness.max_hours</c>.
/// </summary>
public sealed record FreshnessReport
{
    public const string SchemaId = "lockstep.freshness/v1";

    public string Schema { get; init; } = SchemaId;

    public required DateTimeOffset AsOf { get; init; }

    public required InputDigest Source { get; init; }

    public required IReadOnlyList<FeatureFreshness> Features { get; init; }

    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Builds the report from each feature's newest timestamp.</summary>
    public static FreshnessReport Create(DateTimeOffset asOf, InputDigest source, IReadOnlyDictionary<string, DateTimeOffset> newestByFeature)
    {
        var features = newestByFeature
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new FeatureFreshness(pair.Key, pair.Value, (asOf - pair.Value).TotalHours))
            .ToList();
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            metrics[$"freshness.{feature.Feature}_hours"] = feature.AgeHours;
        }

        if (features.Count > 0)
        {
            metrics["freshness.max_hours"] = features.Max(f => f.AgeHours);
        }

        return new FreshnessReport { AsOf = asOf, Source = source, Features = features, Metrics = metrics };
    }
}

/// <summary>A feature's newest value and its age in hours (negative when it is newer than the as-of time).</summary>
public sealed record FeatureFreshness(string Feature, DateTimeOffset Newest, double AgeHours);
