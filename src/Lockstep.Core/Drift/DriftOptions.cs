using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>How numeric features are binned for PSI. Tools disagree, so the choice is named in every report.</summary>
public enum BinningMode
{
    /// <summary>
    /// As Evidently: a numeric feature with more than 20 distinct reference values gets Sturges equal-width bins over
    /// reference ∪ current; any other feature is binned by its distinct values.
    /// </summary>
    Evidently,

    /// <summary>The reference's quantiles (deciles with 10 bins), open-ended at both ends: the common scorecard definition.</summary>
    Quantile,
}

public sealed record DriftOptions
{
    public BinningMode Binning { get; init; } = BinningMode.Evidently;

    /// <summary>Bins of the quantile mode.</summary>
    public int Bins { get; init; } = 10;

    public EmptyBinRule EmptyBins { get; init; } = EmptyBinRule.Evidently;

    /// <summary>A feature counts as drifted when its PSI reaches this (0.1: the end of the "stable" band).</summary>
    public double PsiThreshold { get; init; } = 0.1;

    /// <summary>Numeric features with at most this many distinct reference values are binned by value in Evidently mode.</summary>
    public const int EvidentlyCategoricalLimit = 20;
}
