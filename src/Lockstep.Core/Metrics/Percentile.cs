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
        if (percent is < 0 or > 100 || double.IsNaN(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "expected 0 to 100");
        }

        var quantile = percent / 100;
        var n = sorted.Length;

        // numpy 1.24, method "linear": virtual_index = (n - 1) * q.
        var virtualIndex = (n - 1) * quantile;
        var previous = Math.Floor(virtualIndex);
        var gamma = virtualIndex - previous;
        var below = (int)Math.Clamp(previous, 0, n - 1);
        var above = (int)Math.Clamp(previous + 1, 0, n - 1);
        return Lerp(sorted[below], sorted[above], gamma);
    }

    /// <summary>NumPy's <c>_lerp</c>: interpolates from the nearer end for accuracy.</summary>
    private static double Lerp(double a, double b, double t)
    {
        var difference = b - a;
        return t >= 0.5 ? b - (difference * (1 - t)) : a + (difference * t);
    }
}
