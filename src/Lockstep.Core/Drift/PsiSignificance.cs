using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// How far a PSI stands from sampling noise, by the chi-square approximation of Yurdakul and Naranjo (2019,
/// "Statistical properties of the population stability index"): when both samples come from one distribution,
/// PSI ≈ (1/n_ref + 1/n_cur)·χ²(B − 1), with n the values binned on each side and B the bins that hold a value on
/// either side. It assumes the bins are fixed before the data are seen, every bin's expected count is large, and it
/// ignores the share an empty bin is given.
/// </summary>
/// <param name="PValue">Pr(PSI ≥ the observed one) when nothing shifted: χ²(B − 1).sf(PSI / (1/n_ref + 1/n_cur)).</param>
/// <param name="MinDetectable">The smallest PSI significant at the level: χ²(B − 1).ppf(level)·(1/n_ref + 1/n_cur).</param>
/// <param name="Significant">PValue below 1 − level.</param>
public sealed record PsiSignificance(double PValue, double MinDetectable, bool Significant)
{
    /// <summary>The confidence level of <see cref="DriftOptions.PsiLevel"/>'s default.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>Null when fewer than two bins hold a value: PSI is then 0 whatever the sample, and nothing can be detected.</summary>
    /// <exception cref="ArgumentException">The sides have different numbers of bins, or a side has no value.</exception>
    public static PsiSignificance? Of(double psi, IReadOnlyList<long> reference, IReadOnlyList<long> current, double level)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Count != current.Count)
        {
            throw new ArgumentException("expected the same number of bins on both sides", nameof(current));
        }

        var occupied = reference.Where((count, i) => count + current[i] > 0).Count();
        var (referenceValues, currentValues) = (reference.Sum(), current.Sum());
        if (referenceValues == 0 || currentValues == 0)
        {
            throw new ArgumentException("expected at least one value on each side", nameof(reference));
        }

        if (occupied < 2)
        {
            return null;
        }

        var scale = (1.0 / referenceValues) + (1.0 / currentValues);
        var df = occupied - 1;
        var pValue = ChiSquareDistribution.Sf(psi / scale, df);
        return new PsiSignificance(pValue, ChiSquareDistribution.Isf(1 - level, df) * scale, pValue < 1 - level);
    }
}
