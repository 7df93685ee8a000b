using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>Compares one feature's reference and current samples in memory: PSI, KS, Wasserstein, Jensen–Shannon, missing shares.</summary>
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
        return FeatureDriftAssembler.Assemble(Aggregate(feature, reference, current, options), options);
    }

    /// <summary>The aggregates a database would return for the same values.</summary>
    public static FeatureAggregates Aggregate(string feature, FeatureSample reference, FeatureSample current, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        if (!reference.IsNumeric)
        {
            return Aggregates(feature, reference, current, FeatureBins.ByCategory(reference.Categories!, current.Categories!), null, null);
        }

        var ks = KolmogorovSmirnov.TwoSample(reference.Sorted, current.Sorted);
        var wasserstein = Wasserstein.NormalizedByReferenceStd(reference.Sorted, current.Sorted);
        return Aggregates(feature, reference, current, NumericBins(reference, current, options), ks, wasserstein);
    }

    private static FeatureAggregates Aggregates(string feature, FeatureSample reference, FeatureSample current, FeatureBins bins, KsResult? ks, double? wasserstein) => new()
    {
        Feature = feature,
        IsNumeric = reference.IsNumeric,
        Reference = new SideTotals(reference.Rows, reference.Missing),
        Current = new SideTotals(current.Rows, current.Missing),
        Bins = bins,
        Ks = ks,
        WassersteinNormed = wasserstein,
    };

    private static FeatureBins NumericBins(FeatureSample reference, FeatureSample current, DriftOptions options)
    {
        var mode = DriftBinning.Numeric(options, () => reference.DistinctValues());
        if (mode == DriftBinning.Values)
        {
            return FeatureBins.ByValue(reference.ValueCounts(), current.ValueCounts());
        }

        var edges = mode == DriftBinning.Sturges
            ? NumpyHistogram.SturgesEdges(reference.Sorted, current.Sorted)
            : QuantileEdges.Of(reference.Sorted, options.Bins);
        return FeatureBins.WithEdges(mode, edges, NumpyHistogram.Counts(reference.Sorted, edges), NumpyHistogram.Counts(current.Sorted, edges));
    }
}
