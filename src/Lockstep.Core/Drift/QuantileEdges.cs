using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// The quantile bins' edges: the reference's linear percentiles at 100·k/bins, deduplicated, with open outer edges.
/// A database returns only the order statistics the percentiles interpolate between (<see cref="Ranks"/>), and the
/// edges are computed here from them with the same code as from the values themselves.
/// </summary>
public static class QuantileEdges
{
    /// <summary>From the sorted reference values.</summary>
    public static double[] Of(ReadOnlySpan<double> sortedReference, int bins)
    {
        if (sortedReference.IsEmpty)
        {
            throw new MetricException("no values: a percentile of an empty set is undefined");
        }

        FiniteValues.RequireSorted(sortedReference, nameof(sortedReference));
        var sorted = sortedReference.ToArray();
        return FromOrderStatistics(sorted.Length, bins, rank => sorted[rank]);
    }

    /// <summary>The 0-based ranks (in the ascending finite reference values) the edges need, ascending, each once.</summary>
    public static long[] Ranks(long count, int bins)
    {
        var ranks = new SortedSet<long>();
        foreach (var percent in Percents(bins))
        {
            var (below, above, _) = Percentile.LinearRanks(count, percent);
            ranks.Add(below);
            ranks.Add(above);
        }

        return [.. ranks];
    }

    /// <param name="count">The number of finite reference values.</param>
    /// <param name="valueAt">The value at a rank of <see cref="Ranks"/>.</param>
    public static double[] FromOrderStatistics(long count, int bins, Func<long, double> valueAt)
    {
        ArgumentNullException.ThrowIfNull(valueAt);
        var edges = new List<double> { double.NegativeInfinity };
        foreach (var percent in Percents(bins))
        {
            var (below, above, gamma) = Percentile.LinearRanks(count, percent);
            var edge = Percentile.Interpolate(valueAt(below), valueAt(above), gamma);
            if (edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        edges.Add(double.PositiveInfinity);
        return [.. edges];
    }

    private static IEnumerable<double> Percents(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        return Enumerable.Range(1, bins - 1).Select(k => 100.0 * k / bins);
    }
}
