namespace Lockstep.Core.Metrics;

/// <summary>
/// DeLong's test of two correlated ROC AUCs scored on the same rows (DeLong, DeLong and Clarke-Pearson 1988), as R's
/// pROC <c>roc.test(method = "delong", paired = TRUE)</c>: the AUCs are the Mann–Whitney statistics with ties ½, the
/// variance of their difference comes from the structural components (placements) of each row, ties counted by
/// midranks. The placements are found by sorting each class once and searching it, O(n log n), as Sun and Xu (2014).
/// </summary>
public static class DeLongTest
{
    /// <summary>Compares <paramref name="candidate"/>'s AUC with <paramref name="baseline"/>'s on the same rows.</summary>
    /// <param name="level">Confidence level of the interval of the difference, strictly between 0 and 1.</param>
    /// <exception cref="MetricException">
    /// The test is not computable: one class only, fewer than two rows of a class, or a difference with zero variance
    /// (for example two identical scorings).
    /// </exception>
    /// <exception cref="ArgumentException">A score is NaN or infinite, or the lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 1.</exception>
    public static PairedAucComparison Compare(ReadOnlySpan<double> candidate, ReadOnlySpan<double> baseline, ReadOnlySpan<bool> labels, double level = 0.95)
    {
        FiniteValues.RequireSameLength(candidate.Length, nameof(candidate), labels.Length, nameof(labels));
        FiniteValues.RequireSameLength(candidate.Length, nameof(candidate), baseline.Length, nameof(baseline));
        FiniteValues.Require(candidate, nameof(candidate));
        FiniteValues.Require(baseline, nameof(baseline));
        if (level is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "expected a confidence level strictly between 0 and 1");
        }

        var positives = RocAuc.CountPositives(labels);
        var negatives = labels.Length - positives;
        if (positives < 2 || negatives < 2)
        {
            throw new MetricException(
                $"DeLong's test needs at least two rows of each class; there are {positives} positive and {negatives} negative");
        }

        var (candidatePositives, candidateNegatives) = RocAuc.SortedByClass(candidate, labels, positives);
        var (baselinePositives, baselineNegatives) = RocAuc.SortedByClass(baseline, labels, positives);
        var candidateAuc = RocAuc.OfSorted(candidatePositives, candidateNegatives);
        var baselineAuc = RocAuc.OfSorted(baselinePositives, baselineNegatives);

        // Each row's placement difference, scaled to an integer: a positive's share of negatives below it (ties ½)
        // times 2·negatives, a negative's share of positives above it times 2·positives. Integer sums make the
        // variance exact until the final division, and exactly zero when the difference does not vary.
        Moments positiveRows = default, negativeRows = default;
        for (var i = 0; i < labels.Length; i++)
        {
            var a = TwiceBelow(candidatePositives, candidateNegatives, candidate[i], labels[i]);
            var b = TwiceBelow(baselinePositives, baselineNegatives, baseline[i], labels[i]);
            if (labels[i])
            {
                positiveRows.Add(a - b);
            }
            else
            {
                negativeRows.Add(b - a);
            }
        }

        var variance = positiveRows.VarianceOfMean(2.0 * negatives) + negativeRows.VarianceOfMean(2.0 * positives);
        if (variance <= 0)
        {
            throw new MetricException("the difference of the AUCs has zero variance (the two scorings rank the rows alike); DeLong's test is undefined");
        }

        return PairedAucComparison.From(candidateAuc, baselineAuc, Math.Sqrt(variance), level);
    }

    /// <summary>
    /// 2·#(other class below the score) + #(tied) for a positive among the negatives; for a negative, the same count
    /// among the positives, whose negation (up to the constant 2·positives) is its placement.
    /// </summary>
    private static long TwiceBelow(double[] positives, double[] negatives, double score, bool positive)
    {
        var other = positive ? negatives : positives;
        var lower = LowerBound(other, score);
        return lower + UpperBound(other, score, lower);
    }

    /// <summary>The index of the first value not below <paramref name="value"/>.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The index of the first value above <paramref name="value"/>, searching from <paramref name="from"/>.</summary>
    private static int UpperBound(double[] sorted, double value, int from)
    {
        int low = from, high = sorted.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Exact count, sum and sum of squares of integer values.</summary>
    private struct Moments
    {
        private long count;
        private Int128 sum;
        private Int128 squares;

        public void Add(long value)
        {
            count++;
            sum += value;
            squares += (Int128)value * value;
        }

        /// <summary>
        /// The sample variance (n − 1) of the values divided by <paramref name="scale"/>, over the count: the variance
        /// of their mean, the structural component's share of the AUC difference's variance.
        /// </summary>
        public readonly double VarianceOfMean(double scale)
        {
            var numerator = (count * squares) - (sum * sum);
            return (double)numerator / ((double)count * (count - 1) * count * scale * scale);
        }
    }
}
