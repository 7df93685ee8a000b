using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// Turns a feature's aggregates into its <see cref="FeatureDrift"/>: PSI with the empty-bin rule, Jensen–Shannon,
/// missing shares, <c>drifted</c>, the PSI's significance and both profiles. The in-memory and the database paths both end here.
/// </summary>
public static class FeatureDriftAssembler
{
    public static FeatureDrift Assemble(FeatureAggregates aggregates, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(options);
        var drift = aggregates.Bins.Mode == DriftBinning.Values ? ByValue(aggregates, options) : ByEdges(aggregates, options);
        var (reference, current) = (aggregates.Reference, aggregates.Current);
        var drifted = Tolerance.AtLeast(drift.Psi, options.PsiThreshold);
        var significance = PsiSignificance.Of(drift.Psi, aggregates.Bins.Reference, aggregates.Bins.Current, options.PsiLevel);
        return drift with
        {
            Feature = aggregates.Feature,
            Kind = aggregates.IsNumeric ? "numeric" : "categorical",
            Bins = aggregates.Bins.Mode,
            KsStatistic = aggregates.Ks?.Statistic,
            KsPValue = aggregates.Ks?.PValue,
            WassersteinNormed = aggregates.WassersteinNormed,
            MissingShareReference = reference.MissingShare,
            MissingShareCurrent = current.MissingShare,
            MissingShareDelta = current.MissingShare - reference.MissingShare,
            Drifted = drifted,
            PsiPValue = significance?.PValue,
            PsiMinDetectable = significance?.MinDetectable,
            TooFewRows = drifted && significance is { Significant: false },
        };
    }

    private static FeatureDrift ByEdges(FeatureAggregates aggregates, DriftOptions options)
    {
        var bins = aggregates.Bins;
        var edges = bins.Edges ?? throw new ArgumentException($"{bins.Mode} bins need edges", nameof(aggregates));

        // Shares are of all non-missing values, as np.histogram(...) / len(data) after dropping missing ones.
        var psi = Psi.FromShares(SharesOf(bins.Reference, aggregates.Reference.Values), SharesOf(bins.Current, aggregates.Current.Values), options.EmptyBins);
        return Unnamed(psi, null, NumericProfile(edges, bins.Reference, aggregates.Reference.Missing), NumericProfile(edges, bins.Current, aggregates.Current.Missing));
    }

    private static FeatureDrift ByValue(FeatureAggregates aggregates, DriftOptions options)
    {
        var bins = aggregates.Bins;
        var keys = bins.Keys ?? throw new ArgumentException("value bins need keys", nameof(aggregates));
        var referenceShares = Psi.Shares(bins.Reference);
        var currentShares = Psi.Shares(bins.Current);
        return Unnamed(
            Psi.FromShares(referenceShares, currentShares, options.EmptyBins),
            aggregates.IsNumeric ? null : JensenShannon.Distance(referenceShares, currentShares),
            CategoricalProfile(keys, bins.Reference, aggregates.Reference.Missing),
            CategoricalProfile(keys, bins.Current, aggregates.Current.Missing));
    }

    private static FeatureDrift Unnamed(double psi, double? jensenShannon, FeatureProfile reference, FeatureProfile current) => new()
    {
        Feature = string.Empty,
        Kind = string.Empty,
        Bins = string.Empty,
        Psi = psi,
        JensenShannon = jensenShannon,
        Reference = reference,
        Current = current,
        MissingShareReference = 0,
        MissingShareCurrent = 0,
        MissingShareDelta = 0,
        Drifted = false,
    };

    private static double[] SharesOf(long[] counts, long total) => counts.Select(c => c / (double)total).ToArray();

    private static FeatureProfile NumericProfile(double[] edges, long[] counts, long missing) => new()
    {
        Kind = "numeric",
        Histogram = new Histogram { Edges = edges, Counts = counts },
        Missing = missing,
    };

    private static FeatureProfile CategoricalProfile(IReadOnlyList<string> keys, long[] counts, long missing) => new()
    {
        Kind = "categorical",
        Categories = keys.Select((key, i) => (key, count: counts[i])).ToDictionary(p => p.key, p => p.count, StringComparer.Ordinal),
        Missing = missing,
    };
}
