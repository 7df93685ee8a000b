namespace Lockstep.Core.Metrics;

/// <summary>
/// The standard error and confidence interval of one ROC AUC by DeLong's variance, as R's pROC <c>ci.auc</c> (its
/// default method): var = var(V₁₀)/m + var(V₀₁)/n over the positives' and negatives' placements (sample variances,
/// ties ½), the interval AUC ∓ Φ⁻¹(1 − (1 − level)/2)·se clipped to [0, 1] as pROC clips it. The placements are
/// <see cref="DeLongTest"/>'s, from one sort of the rows.
/// </summary>
public static class DeLongAucInterval
{
    /// <exception cref="MetricException">Fewer than two rows of a class.</exception>
    /// <exception cref="ArgumentException">A score is NaN or infinite, or the lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 1.</exception>
    public static (double Auc, double StandardError, double Low, double High) Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double level = 0.95)
    {
        FiniteValues.RequireSameLength(scores.Length, nameof(scores), labels.Length, nameof(labels));
        FiniteValues.Require(scores, nameof(scores));
        var (positives, negatives) = DeLongTest.RequireTwoOfEachClass(labels, level, "DeLong's variance of the AUC");

        var placements = DeLongTest.TwicePlacements(scores.ToArray(), labels.ToArray());
        DeLongTest.Moments positiveRows = default, negativeRows = default;
        long twiceU = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i])
            {
                twiceU += placements[i];
                positiveRows.Add(placements[i]);
            }
            else
            {
                negativeRows.Add(placements[i]);
            }
        }

        var auc = twiceU / (2.0 * positives * negatives);
        var standardError = Math.Sqrt(positiveRows.VarianceOfMean(2.0 * negatives) + negativeRows.VarianceOfMean(2.0 * positives));
        var half = NormalDistribution.Quantile(1 - ((1 - level) / 2)) * standardError;
        return (auc, standardError, Math.Max(0, auc - half), Math.Min(1, auc + half));
    }
}
