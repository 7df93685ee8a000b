namespace Lockstep.Core.Metrics;

/// <summary>
/// Histogram edges and counts computed as NumPy does, so PSI matches tools built on it:
/// <c>np.histogram_bin_edges(a, bins="sturges")</c> and <c>np.histogram(a, bins=edges)</c>
/// (each bin half-open [e_i, e_i+1), the last one closed; values outside the edges are not counted).
/// </summary>
public static class NumpyHistogram
{
    /// <summary>Sturges' equal-width edges over the values of both sorted samples together.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or out of order.</exception>
    public static double[] SturgesEdges(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        FiniteValues.RequireSorted(sortedA, nameof(sortedA));
        FiniteValues.RequireSorted(sortedB, nameof(sortedB));
        var count = sortedA.Length + sortedB.Length;
        if (count == 0)
        {
            return LinearSpace(-0.5, 0.5, 2);
        }

        var min = Math.Min(sortedA.IsEmpty ? double.PositiveInfinity : sortedA[0], sortedB.IsEmpty ? double.PositiveInfinity : sortedB[0]);
        var max = Math.Max(sortedA.IsEmpty ? double.NegativeInfinity : sortedA[^1], sortedB.IsEmpty ? double.NegativeInfinity : sortedB[^1]);
        return SturgesEdges(min, max, count);
    }

    /// <summary>Sturges' equal-width edges from the smallest and largest of <paramref name="count"/> values: all the rule needs.</summary>
    /// <exception cref="ArgumentException">An end is NaN or infinite, <paramref name="min"/> exceeds <paramref name="max"/>, or the count is below 1.</exception>
    public static double[] SturgesEdges(double min, double max, long count)
    {
        FiniteValues.RequireOne(min, nameof(min));
        FiniteValues.RequireOne(max, nameof(max));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        var range = max - min;
        var (first, last) = min == max ? (min - 0.5, max + 0.5) : (min, max);

        // numpy: width = ptp(a) / (log2(a.size) + 1); bins = ceil((last - first) / width), or 1 when width is 0.
        var width = range / (Math.Log2(count) + 1.0);
        var bins = width != 0 ? (int)Math.Ceiling((last - first) / width) : 1;
        return LinearSpace(first, last, bins + 1);
    }

    /// <summary><c>np.linspace(start, stop, num)</c> with the endpoint.</summary>
    /// <exception cref="ArgumentException">An end is NaN or infinite, or <paramref name="num"/> is below 2.</exception>
    public static double[] LinearSpace(double start, double stop, int num)
    {
        FiniteValues.RequireOne(start, nameof(start));
        FiniteValues.RequireOne(stop, nameof(stop));
        ArgumentOutOfRangeException.ThrowIfLessThan(num, 2);
        var values = new double[num];
        var divisions = num - 1;
        var delta = stop - start;
        var step = delta / divisions;
        for (var i = 0; i < num; i++)
        {
            values[i] = (step == 0 ? i / (double)divisions * delta : i * step) + start;
        }

        values[^1] = stop;
        return values;
    }

    /// <summary>Counts of sorted values per bin, with <c>np.histogram</c>'s edge rules.</summary>
    /// <param name="sortedValues">Finite values, sorted ascending.</param>
    /// <param name="edges">At least two edges, ascending; the outer ones may be infinite (open-ended bins).</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite or out of order, or an edge is NaN or out of order.</exception>
    public static long[] Counts(ReadOnlySpan<double> sortedValues, ReadOnlySpan<double> edges)
    {
        FiniteValues.RequireSorted(sortedValues, nameof(sortedValues));
        RequireEdges(edges);
        var below = new long[edges.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            below[i] = LowerBound(sortedValues, edges[i]);
        }

        return CountsFromCumulative(below, UpperBound(sortedValues, edges[^1]));
    }

    /// <summary>
    /// Bin counts from cumulative counts, with <c>np.histogram</c>'s edge rules: bin i holds the values at or above
    /// edge i and below edge i + 1, the last bin also those equal to the last edge.
    /// </summary>
    /// <param name="below">For each edge, how many values are less than it.</param>
    /// <param name="atOrBelowLast">How many values are less than or equal to the last edge.</param>
    public static long[] CountsFromCumulative(ReadOnlySpan<long> below, long atOrBelowLast)
    {
        if (below.Length < 2)
        {
            throw new ArgumentException($"expected at least 2 edges, got {below.Length}", nameof(below));
        }

        var counts = new long[below.Length - 1];
        for (var bin = 0; bin < counts.Length; bin++)
        {
            var to = bin == counts.Length - 1 ? atOrBelowLast : below[bin + 1];
            counts[bin] = Math.Max(0, to - below[bin]);
        }

        return counts;
    }

    private static void RequireEdges(ReadOnlySpan<double> edges)
    {
        if (edges.Length < 2)
        {
            throw new ArgumentException($"expected at least 2 edges, got {edges.Length}", nameof(edges));
        }

        for (var i = 0; i < edges.Length; i++)
        {
            if (double.IsNaN(edges[i]))
            {
                throw new ArgumentException($"edges[{i}] is NaN; expected a number", nameof(edges));
            }

            if (i > 0 && edges[i] < edges[i - 1])
            {
                throw new ArgumentException($"edges[{i}] is less than edges[{i - 1}]; expected edges ascending", nameof(edges));
            }
        }
    }

    /// <summary>The first index whose value is not less than <paramref name="value"/>.</summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
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

    /// <summary>The first index whose value is greater than <paramref name="value"/>.</summary>
    public static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
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
}
