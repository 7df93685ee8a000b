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

    private readonly double psiThreshold = 0.1;

    /// <summary>A feature counts as drifted when its PSI reaches this (0.1: the end of the "stable" band).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite: PSI is a finite number of 0 or more.</exception>
    public double PsiThreshold
    {
        get => psiThreshold;
        init => psiThreshold = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PsiThreshold), value, $"{nameof(PsiThreshold)} is {Numbers.Format(value)}; expected a finite number of 0 or more");
    }

    private readonly double psiLevel = PsiSignificance.DefaultLevel;

    /// <summary>
    /// The confidence level of each PSI's significance (<see cref="PsiSignificance"/>): its p-value is significant below
    /// 1 − level, and the smallest detectable PSI is the χ² quantile at the level.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not strictly between 0 and 1.</exception>
    public double PsiLevel
    {
        get => psiLevel;
        init => psiLevel = value is > 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PsiLevel), value, $"{nameof(PsiLevel)} is {Numbers.Format(value)}; expected a level between 0 and 1");
    }

    /// <summary>Numeric features with at most this many distinct reference values are binned by value in Evidently mode.</summary>
    public const int EvidentlyCategoricalLimit = 20;
}
