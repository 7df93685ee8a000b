using Lockstep.Core.Contracts;

namespace Lockstep.Core.Drift;

/// <summary>How one feature moved between the reference and the current data.</summary>
public sealed record FeatureDrift
{
    public required string Feature { get; init; }

    /// <summary><c>numeric</c> or <c>categorical</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>sturges</c>, <c>quantile</c> or <c>values</c>: how the PSI bins were made.</summary>
    public required string Bins { get; init; }

    public required double Psi { get; init; }

    /// <summary>
    /// The PSI's p-value when nothing shifted, by <see cref="PsiSignificance"/>'s chi-square approximation; null when
    /// fewer than two bins hold a value.
    /// </summary>
    public double? PsiPValue { get; init; }

    /// <summary>The smallest PSI these row counts tell from noise at the report's level; null as <see cref="PsiPValue"/>.</summary>
    public double? PsiMinDetectable { get; init; }

    /// <summary>Two-sample Kolmogorov–Smirnov statistic (numeric features), as scipy <c>ks_2samp</c>.</summary>
    public double? KsStatistic { get; init; }

    public double? KsPValue { get; init; }

    /// <summary>Wasserstein distance divided by the reference's standard deviation (numeric features), as Evidently.</summary>
    public double? WassersteinNormed { get; init; }

    /// <summary>Jensen–Shannon distance of the category shares (categorical features).</summary>
    public double? JensenShannon { get; init; }

    public required double MissingShareReference { get; init; }

    public required double MissingShareCurrent { get; init; }

    /// <summary>Current missing share − reference missing share.</summary>
    public required double MissingShareDelta { get; init; }

    /// <summary>PSI at or above the report's threshold.</summary>
    public required bool Drifted { get; init; }

    /// <summary><see cref="Drifted"/>, yet the PSI's p-value is not significant at the report's level: too few rows to tell.</summary>
    public bool TooFewRows { get; init; }

    public required FeatureProfile Reference { get; init; }

    public required FeatureProfile Current { get; init; }
}
