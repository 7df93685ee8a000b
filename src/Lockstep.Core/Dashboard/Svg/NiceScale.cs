namespace Lockstep.Core.Dashboard.Svg;

/// <summary>
/// A value axis from zero (or, for values such as an AUC that never come near it, from just below the smallest) to a
/// round maximum, with about five ticks at 1, 2 or 5 × a power of ten; counts get whole-number ticks only.
/// </summary>
public sealed record NiceScale(double Min, double Max, double Step)
{
    public static NiceScale For(IEnumerable<double> values, bool wholeNumbers, bool fromZero = true)
    {
        double low = fromZero ? 0 : double.PositiveInfinity, high = fromZero ? 0 : double.NegativeInfinity;
        foreach (var value in values)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        if (double.IsInfinity(low))
        {
            (low, high) = (0, 0);
        }

        if (high - low <= 0)
        {
            (low, high) = fromZero || low == 0 ? (low, low + 1) : (low - (Math.Abs(low) * 0.05), high + (Math.Abs(high) * 0.05));
        }

        var step = NiceStep((high - low) / 5);
        if (wholeNumbers)
        {
            step = Math.Max(1, Math.Ceiling(step));
        }

        return new NiceScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Min + (i * Step);
        }
    }

    /// <summary>Where <paramref name="value"/> falls between the bottom (0) and the top (1).</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
    }
}
