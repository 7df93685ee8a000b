namespace Lockstep.Core.Metrics;

/// <summary>
/// DeLong's test of two correlated ROC AUCs scored on the same rows (DeLong, DeLong and Clarke-Pearson 1988), as R's
/// pROC <c>roc.test(method = "delong", paired = TRUE)</c> on curves of <c>direction = "&lt;"</c>: the AUCs are the
/// Mann–Whitney statistics with ties ½, the variance of their difference comes from the structural components
/// (placements) of each row, ties counted by midranks. The placements come from one sort of the rows per scoring
/// and a walk over its groups of tied scores, O(n log n), as Sun and Xu (2014).
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
        var (positives, negatives) = RequireTwoOfEachClass(labels, level, "DeLong's test");

        int[]? candidatePlacements = null, baselinePlacements = null;
        double[] candidateScores = candidate.ToArray(), baselineScores = baseline.ToArray();
        var labelArray = labels.ToArray();
        Parallel.Invoke(
            () => candidatePlacements = TwicePlacements(candidateScores, labelArray),
            () => baselinePlacements = TwicePlacements(baselineScores, labelArray));

        // Each row's placement difference, scaled to an integer: a positive's share of negatives below it (ties ½)
        // times 2·negatives, a negative's share of positives above it times 2·positives. Integer sums make the
        // variance exact until the final division, and exactly zero when the difference does not vary.
        Moments positiveRows = default, negativeRows = default;
        long candidateTwiceU = 0, baselineTwiceU = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            long a = candidatePlacements![i], b = baselinePlacements![i];
            if (labels[i])
            {
                candidateTwiceU += a;
                baselineTwiceU += b;
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

        // Twice the Mann–Whitney U over 2·P·N: the same division as RocAuc, so the AUCs equal it to the last bit.
        var pairs = 2.0 * positives * negatives;
        return PairedAucComparison.From(candidateTwiceU / pairs, baselineTwiceU / pairs, Math.Sqrt(variance), level);
    }

    /// <summary>The level checked, and the numbers of positives and negatives, each at least two for the sample variances.</summary>
    /// <param name="what">What needs them, to start the error's message.</param>
    internal static (int Positives, int Negatives) RequireTwoOfEachClass(ReadOnlySpan<bool> labels, double level, string what)
    {
        if (level is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "expected a confidence level strictly between 0 and 1");
        }

        var positives = RocAuc.CountPositives(labels);
        var negatives = labels.Length - positives;
        if (positives < 2 || negatives < 2)
        {
            throw new MetricException($"{what} needs at least two rows of each class; there are {positives} positive and {negatives} negative");
        }

        return (positives, negatives);
    }

    /// <summary>
    /// Per row, 2·#(rows of the other class scoring lower) + #(tied with it): for a positive twice its placement
    /// among the negatives; for a negative, 2·positives minus twice its placement among the positives. One sort of
    /// the rows by score, then a walk over the groups of tied scores.
    /// </summary>
    internal static int[] TwicePlacements(double[] scores, bool[] labels)
    {
        var rows = new int[scores.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        Array.Sort(scores, rows);
        var placements = new int[scores.Length];
        int positivesBelow = 0, negativesBelow = 0, start = 0;
        while (start < scores.Length)
        {
            var end = start;
            int tiedPositives = 0, tiedNegatives = 0;
            while (end < scores.Length && scores[end] == scores[start])
            {
                if (labels[rows[end]])
                {
                    tiedPositives++;
                }
                else
                {
                    tiedNegatives++;
                }

                end++;
            }

            for (var k = start; k < end; k++)
            {
                placements[rows[k]] = labels[rows[k]] ? (2 * negativesBelow) + tiedNegatives : (2 * positivesBelow) + tiedPositives;
            }

            positivesBelow += tiedPositives;
            negativesBelow += tiedNegatives;
            start = end;
        }

        return placements;
    }

    /// <summary>Exact count, sum and sum of squares of integer values.</summary>
    internal struct Moments
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
