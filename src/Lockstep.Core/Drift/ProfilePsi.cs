using Lockstep.Core.Contracts;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// A feature's PSI from two profiles (the reference's and the current one's) and, from their counts, its
/// <see cref="PsiSignificance"/>, as <c>lockstep drift</c> gives it from the same counts.
/// </summary>
/// <param name="Psi">The PSI over the profiles' common bins.</param>
/// <param name="Significance">Null when fewer than two bins hold a value.</param>
public sealed record ProfilePsi(double Psi, PsiSignificance? Significance)
{
    /// <summary>Null when the profiles are not comparable (<see cref="ProfileDrift.TryCounts"/>).</summary>
    public static ProfilePsi? Of(FeatureProfile reference, FeatureProfile current, EmptyBinRule rule, double level)
    {
        if (ProfileDrift.TryCounts(reference, current) is not { } counts)
        {
            return null;
        }

        // PSI first: it refuses a side without values, which the significance could not size.
        var psi = Lockstep.Core.Metrics.Psi.FromCounts(counts.Reference, counts.Current, rule);
        return new ProfilePsi(psi, PsiSignificance.Of(psi, counts.Reference, counts.Current, level));
    }
}
