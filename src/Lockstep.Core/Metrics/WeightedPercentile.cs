namespace Lockstep.Core.Metrics;

/// <summary>
/// Linear percentiles (NumPy's default) of a sample given as distinct positions with repeat counts, as a bootstrap
/// resample is: one walk over the once-sorted values, each counted as often as the resample drew it, finds the two
/// order statistics of each percentile, so the result equals <see cref="Percentile.Linear(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
/// of the expanded sample exactly, without expanding it.
/// </summary>
public static class WeightedPercentile
{
    /// <param name="sorted">The values, ascending.</param>
    /// <param name="rowOf">For each sorted value, the index of its count in <paramref name="counts"/>.</param>
    /// <param name="counts">How often each row was drawn; the counts of <paramref name="rowOf"/> sum to <paramref name="total"/>.</param>
    /// <param name="total">The size of the expanded sample, at least 1.</param>
    /// <param name="percents">0 to 100, ascending.</param>
    /// <param name="result">Receives one value per percent.</param>
    public static void Linear(
        ReadOnlySpan<double> sorted, ReadOnlySpan<int> rowOf, ReadOnlySpan<int> counts, long total, ReadOnlySpan<double> percents, Span<double> result)
    {
        Span<long> ranks = stackalloc long[2 * percents.Length];
        Span<double> gammas = stackalloc double[percents.Length];
        for (var p = 0; p < percents.Length; p++)
        {
            (ranks[2 * p], ranks[(2 * p) + 1], gammas[p]) = Percentile.LinearRanks(total, percents[p]);
        }

        // One walk in the order of the ranks (a percentile's upper rank may pass the next one's lower rank).
        Span<int> order = stackalloc int[ranks.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (var i = 1; i < order.Length; i++)
        {
            for (var j = i; j > 0 && ranks[order[j - 1]] > ranks[order[j]]; j--)
            {
                (order[j - 1], order[j]) = (order[j], order[j - 1]);
            }
        }

        Span<double> values = stackalloc double[ranks.Length];
        var next = 0;
        long below = 0;
        for (var k = 0; k < sorted.Length && next < ranks.Length; k++)
        {
            below += counts[rowOf[k]];
            while (next < ranks.Length && ranks[order[next]] < below)
            {
                values[order[next++]] = sorted[k];
            }
        }

        if (next < ranks.Length)
        {
            throw new ArgumentException($"the counts sum to {below}, less than the total {total}", nameof(counts));
        }

        for (var p = 0; p < percents.Length; p++)
        {
            result[p] = Percentile.Interpolate(values[2 * p], values[(2 * p) + 1], gammas[p]);
        }
    }
}
