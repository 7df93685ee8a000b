namespace Lockstep.Core.Metrics;

/// <summary>
/// Percentiles as NumPy's <c>np.percentile</c> default (<c>method="linear"</c>, Hyndman–Fan type 7):
/// P99 of 1..100 is 99.01, of [1, 2, 3, 4] is 3.97. The formula is NumPy's, operation for operation.
/// </summary>
public static class Percentile
{
    /// <param name="sorted">Finite values sorted ascending.</param>
    /// <param name="percent">0 to 100.</param>
    /// <exception cref="MetricException">There are no values.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite or out of order, or the percent is outside 0 to 100.</exception>
    public static double Linear(ReadOnlySpan<double> sorted, double percent)
    {
        if (sorted.IsEmpty)
        {
            throw new MetricException("no values: a percentile of an empty set is undefined");
        }

        FiniteValues.RequireSorted(sorted, nameof(sorted));
        return OfChecked(sorted, percent);
    }

    /// <summary>Several percentiles of one sample, which is checked once (a check is a pass over every value).</summary>
    /// <inheritdoc cref="Linear(ReadOnlySpan{double}, double)"/>
    public static double[] Linear(ReadOnlySpan<double> sorted, ReadOnlySpan<double> percents)
    {
        if (sorted.IsEmpty)
        {
            throw new MetricException("no values: a percentile of an empty set is undefined");
        }

        FiniteValues.RequireSorted(sorted, nameof(sorted));
        var result = new double[percents.Length];
        for (var i = 0; i < percents.Length; i++)
        {
            result[i] = OfChecked(sorted, percents[i]);
        }

        return result;
    }

    private static double OfChecked(ReadOnlySpan<double> sorted, double percent)
    {
        var (below, above, gamma) = LinearRanks(sorted.Length, percent);
        return Interpolate(sorted[(int)below], sorted[(int)above], gamma);
    }

    /// <summary>
    /// The two order statistics (0-based ranks in the ascending values) a linear percentile of <paramref name="count"/>
    /// values interpolates between, and the weight of the upper one: what a database must return for the percentile to
    /// be computed here, exactly as on the values themselves.
    /// </summary>
    /// <param name="count">The number of values, at least 1.</param>
    /// <param name="percent">0 to 100.</param>
    public static (long Below, long Above, double Gamma) LinearRanks(long count, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (percent is < 0 or > 100 || double.IsNaN(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "expected 0 to 100");
        }

        var quantile = percent / 100;

        // numpy 1.24, method "linear": virtual_index = (n - 1) * q.
        var virtualIndex = (count - 1) * quantile;
        var previous = Math.Floor(virtualIndex);
        var gamma = virtualIndex - previous;
        var below = (long)Math.Clamp(previous, 0, count - 1);
        var above = (long)Math.Clamp(previous + 1, 0, count - 1);
        return (below, above, gamma);
    }

    /// <summary>The linear percentile from its two order statistics (see <see cref="LinearRanks"/>).</summary>
    public static double Interpolate(double below, double above, double gamma) => Lerp(below, above, gamma);

    /// <summary>NumPy's <c>_lerp</c>: interpolates from the nearer end for accuracy.</summary>
    private static double Lerp(double a, double b, double t)
    {
        var difference = b - a;
        return t >= 0.5 ? b - (difference * (1 - t)) : a + (difference * t);
    }
}
