using System.Globalization;
using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>Compares one feature's reference and current samples: PSI, KS, Wasserstein, Jensen–Shannon, missing shares.</summary>
public static class FeatureDriftCalculator
{
    /// <exception cref="MetricException">A side has no values, or the two sides are of different kinds.</exception>
    public static FeatureDrift Compare(string feature, FeatureSample reference, FeatureSample current, DriftOptions options)
    {
        if (reference.IsNumeric != current.IsNumeric)
        {
            throw new MetricException("the feature is numeric on one side and categorical on the other");
        }

        reference.RequireValues("reference");
        current.RequireValues("current");

        var drift = reference.IsNumeric ? CompareNumeric(feature, reference, current, options) : CompareCategorical(feature, reference, current, options);
        return drift with
        {
            MissingShareReference = reference.MissingShare,
            MissingShareCurrent = current.MissingShare,
            MissingShareDelta = current.MissingShare - reference.MissingShare,
            Drifted = Tolerance.AtLeast(drift.Psi, options.PsiThreshold),
        };
    }

    private static FeatureDrift CompareNumeric(string feature, FeatureSample reference, FeatureSample current, DriftOptions options)
    {
        var ks = KolmogorovSmirnov.TwoSample(reference.Sorted, current.Sorted);
        var wasserstein = Wasserstein.NormalizedByReferenceStd(reference.Sorted, current.Sorted);

        if (options.Binning == BinningMode.Evidently && reference.DistinctValues() <= DriftOptions.EvidentlyCategoricalLimit)
        {
            var referenceCounts = reference.ValueCounts();
            var currentCounts = current.ValueCounts();
            var keys = referenceCounts.Keys.Union(currentCounts.Keys).Order().ToList();
            var byValue = ByCategory(
                keys.Select(Key).ToList(),
                keys.Select(k => referenceCounts.GetValueOrDefault(k)).ToArray(),
                keys.Select(k => currentCounts.GetValueOrDefault(k)).ToArray(),
                reference,
                current,
                options);
            return byValue with { Feature = feature, Kind = "numeric", Bins = "values", KsStatistic = ks.Statistic, KsPValue = ks.PValue, WassersteinNormed = wasserstein, JensenShannon = null };
        }

        var edges = options.Binning == BinningMode.Evidently
            ? NumpyHistogram.SturgesEdges(reference.Sorted, current.Sorted)
            : QuantileEdges(reference.Sorted, options.Bins);
        var referenceBins = NumpyHistogram.Counts(reference.Sorted, edges);
        var currentBins = NumpyHistogram.Counts(current.Sorted, edges);

        // Shares are of all non-missing values, as np.histogram(...) / len(data) after dropping missing ones.
        var psi = Psi.FromShares(SharesOf(referenceBins, reference.Sorted.Length), SharesOf(currentBins, current.Sorted.Length), options.EmptyBins);
        return new FeatureDrift
        {
            Feature = feature,
            Kind = "numeric",
            Bins = options.Binning == BinningMode.Evidently ? "sturges" : "quantile",
            Psi = psi,
            KsStatistic = ks.Statistic,
            KsPValue = ks.PValue,
            WassersteinNormed = wasserstein,
            Reference = NumericProfile(edges, referenceBins, reference),
            Current = NumericProfile(edges, currentBins, current),
            MissingShareReference = 0,
            MissingShareCurrent = 0,
            MissingShareDelta = 0,
            Drifted = false,
        };
    }

    private static FeatureDrift CompareCategorical(string feature, FeatureSample reference, FeatureSample current, DriftOptions options)
    {
        var keys = reference.Categories!.Keys.Union(current.Categories!.Keys).Order(StringComparer.Ordinal).ToList();
        var drift = ByCategory(
            keys,
            keys.Select(k => reference.Categories.GetValueOrDefault(k)).ToArray(),
            keys.Select(k => current.Categories.GetValueOrDefault(k)).ToArray(),
            reference,
            current,
            options);
        return drift with { Feature = feature, Kind = "categorical", Bins = "values" };
    }

    private static FeatureDrift ByCategory(
        IReadOnlyList<string> keys, long[] referenceCounts, long[] currentCounts, FeatureSample reference, FeatureSample current, DriftOptions options)
    {
        var referenceShares = Psi.Shares(referenceCounts);
        var currentShares = Psi.Shares(currentCounts);
        return new FeatureDrift
        {
            Feature = string.Empty,
            Kind = string.Empty,
            Bins = "values",
            Psi = Psi.FromShares(referenceShares, currentShares, options.EmptyBins),
            JensenShannon = JensenShannon.Distance(referenceShares, currentShares),
            Reference = CategoricalProfile(keys, referenceCounts, reference.Missing),
            Current = CategoricalProfile(keys, currentCounts, current.Missing),
            MissingShareReference = 0,
            MissingShareCurrent = 0,
            MissingShareDelta = 0,
            Drifted = false,
        };
    }

    /// <summary>Reference percentiles at 100·k/bins, deduplicated, with open outer edges.</summary>
    public static double[] QuantileEdges(ReadOnlySpan<double> sortedReference, int bins)
    {
        var edges = new List<double> { double.NegativeInfinity };
        var percents = Enumerable.Range(1, bins - 1).Select(k => 100.0 * k / bins).ToArray();
        foreach (var edge in Percentile.Linear(sortedReference, percents))
        {
            if (edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        edges.Add(double.PositiveInfinity);
        return [.. edges];
    }

    private static double[] SharesOf(long[] counts, int total) => counts.Select(c => c / (double)total).ToArray();

    private static FeatureProfile NumericProfile(double[] edges, long[] counts, FeatureSample sample) => new()
    {
        Kind = "numeric",
        Histogram = new Histogram { Edges = edges, Counts = counts },
        Missing = sample.Missing,
    };

    private static FeatureProfile CategoricalProfile(IReadOnlyList<string> keys, long[] counts, long missing) => new()
    {
        Kind = "categorical",
        Categories = keys.Select((key, i) => (key, count: counts[i])).ToDictionary(p => p.key, p => p.count, StringComparer.Ordinal),
        Missing = missing,
    };

    private static string Key(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
