using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// Everything a feature's drift is made from, wherever its values are (in memory or in a database): each side's
/// totals, the PSI bins and, for numeric features, the Kolmogorov–Smirnov and Wasserstein results.
/// </summary>
public sealed record FeatureAggregates
{
    public required string Feature { get; init; }

    public required bool IsNumeric { get; init; }

    public required SideTotals Reference { get; init; }

    public required SideTotals Current { get; init; }

    public required FeatureBins Bins { get; init; }

    /// <summary>Numeric features only.</summary>
    public KsResult? Ks { get; init; }

    /// <summary>Numeric features only: the Wasserstein distance over the reference's standard deviation.</summary>
    public double? WassersteinNormed { get; init; }
}

/// <summary>One side's rows and missing values (NULL, empty, NaN or ±∞) of one feature.</summary>
public readonly record struct SideTotals(long Rows, long Missing)
{
    /// <summary>The values that are not missing: the denominator of the bin shares.</summary>
    public long Values => Rows - Missing;

    public double MissingShare => Rows == 0 ? 0 : Missing / (double)Rows;
}
