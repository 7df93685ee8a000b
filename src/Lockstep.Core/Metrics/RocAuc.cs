namespace Lockstep.Core.Metrics;

/// <summary>
/// Area under the ROC curve, equal to scikit-learn's <c>roc_auc_score</c>: the Mann–Whitney statistic with
/// ties counted as ½, i.e. the trapezoid over distinct thresholds.
/// </summary>
public static class RocAuc
{
    /// <summary>AUC of <paramref name="scores"/> against binary <paramref name="labels"/> (true = positive class).</summary>
    /// <exception cref="MetricException">Only one class is present: the AUC is undefined.</exception>
    /// <exception cref="ArgumentException">A score is NaN or infinite, or the lengths differ.</exception>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        FiniteValues.RequireSameLength(scores.Length, nameof(scores), labels.Length, nameof(labels));
        FiniteValues.Require(scores, nameof(scores));

        var positives = CountPositives(labels);
        var (positiveScores, negativeScores) = SortedByClass(scores, labels, positives);
        return OfSorted(positiveScores, negativeScores);
    }

    /// <summary>The number of positive labels.</summary>
    /// <exception cref="MetricException">Only one class is present: the AUC is undefined.</exception>
    internal static int CountPositives(ReadOnlySpan<bool> labels)
    {
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        if (positives == 0 || positives == labels.Length)
        {
            throw new MetricException(
                $"only one class is present ({(positives == 0 ? "all labels are 0" : "all labels are 1")}); the AUC is undefined");
        }

        return positives;
    }

    /// <summary>AUC from the positives' and the negatives' scores, each sorted ascending.</summary>
    /// <exception cref="ArgumentException">A side is empty, or holds a NaN, an infinity or a value out of order.</exception>
    public static double FromSorted(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        SortedSample.Require(positives, nameof(positives));
        SortedSample.Require(negatives, nameof(negatives));
        return OfSorted(positives, negatives);
    }

    /// <summary>The positives' and the negatives' scores, each sorted ascending.</summary>
    private static (double[] Positives, double[] Negatives) SortedByClass(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, int positives)
    {
        var positiveScores = new double[positives];
        var negativeScores = new double[labels.Length - positives];
        int p = 0, n = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i])
            {
                positiveScores[p++] = scores[i];
            }
            else
            {
                negativeScores[n++] = scores[i];
            }
        }

        RadixSort.Sort(positiveScores);
        RadixSort.Sort(negativeScores);
        return (positiveScores, negativeScores);
    }

    /// <summary>AUC of sides already checked and sorted.</summary>
    private static double OfSorted(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives) =>
        TwiceMannWhitneyU(positives, negatives) / (2.0 * positives.Length * negatives.Length);

    private static long TwiceMannWhitneyU(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        // Twice the Mann–Whitney U, in integers: each positive scores 2 per lower negative and 1 per tied one.
        long twiceU = 0;
        var below = 0;
        var i = 0;
        while (i < positives.Length)
        {
            var score = positives[i];
            var group = 0;
            while (i < positives.Length && positives[i] == score)
            {
                group++;
                i++;
            }

            while (below < negatives.Length && negatives[below] < score)
            {
                below++;
            }

            var tied = below;
            while (tied < negatives.Length && negatives[tied] == score)
            {
                tied++;
            }

            twiceU += group * ((2L * below) + (tied - below));
        }

        return twiceU;
    }
}
