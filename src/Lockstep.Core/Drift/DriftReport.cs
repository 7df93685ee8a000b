using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// The drift report <c>lockstep.drift/v1</c>: per-feature statistics and the summary metrics a gate reads
/// (<c>drift.psi.max</c>, <c>drift.psi.&lt;feature&gt;</c>, <c>drift.share_drifted</c>, <c>drift.psi_p_value.&lt;feature&gt;</c>,
/// <c>drift.psi_min_detectable.&lt;feature&gt;</c>).
/// Schema: <c>docs/schemas/drift.v1.schema.json</c>.
/// </summary>
public sealed record DriftReport
{
    public const string SchemaId = "lockstep.drift/v1";

    public string Schema { get; init; } = SchemaId;

    public required DriftSettings Settings { get; init; }

    public required InputDigest Reference { get; init; }

    public required InputDigest Current { get; init; }

    public required long ReferenceRows { get; init; }

    public required long CurrentRows { get; init; }

    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public required IReadOnlyList<FeatureDrift> Features { get; init; }

    public static DriftReport Create(
        DriftOptions options, InputDigest reference, long referenceRows, InputDigest current, long currentRows, IReadOnlyList<FeatureDrift> features) => new()
        {
            Settings = new DriftSettings(
                options.Binning == BinningMode.Evidently ? "evidently" : "quantile",
                options.Bins,
                options.EmptyBins == EmptyBinRule.Evidently ? "evidently" : "epsilon",
                options.PsiThreshold)
            {
                PsiLevel = options.PsiLevel,
            },
            Reference = reference,
            Current = current,
            ReferenceRows = referenceRows,
            CurrentRows = currentRows,
            Metrics = SummaryMetrics(features),
            Features = features,
        };

    /// <summary>
    /// The metrics a gate can bound: the largest PSI, each feature's PSI, the share of drifted features, and each
    /// feature's PSI p-value and smallest detectable PSI where they are defined.
    /// </summary>
    public static IReadOnlyDictionary<string, double> SummaryMetrics(IReadOnlyCollection<FeatureDrift> features)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (features.Count == 0)
        {
            return metrics;
        }

        metrics["drift.psi.max"] = features.Max(f => f.Psi);
        metrics["drift.share_drifted"] = features.Count(f => f.Drifted) / (double)features.Count;
        foreach (var feature in features)
        {
            metrics[$"drift.psi.{feature.Feature}"] = feature.Psi;
            if (feature.PsiPValue is { } pValue && feature.PsiMinDetectable is { } minDetectable)
            {
                metrics[$"drift.psi_p_value.{feature.Feature}"] = pValue;
                metrics[$"drift.psi_min_detectable.{feature.Feature}"] = minDetectable;
            }
        }

        return metrics;
    }
}

/// <summary>The settings a drift report was computed with, so two reports can be compared knowingly.</summary>
public sealed record DriftSettings(string Binning, int Bins, string EmptyBins, double PsiThreshold)
{
    /// <summary>The confidence level of the PSI p-values' significance; absent from reports written before it was recorded.</summary>
    public double? PsiLevel { get; init; }
}
