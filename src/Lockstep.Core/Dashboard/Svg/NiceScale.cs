namespace Lockstep.Core.Dashboard.Svg;

/// <summary>
/// A value axis from zero (or the data's minimum, when it is negative) to a round maximum, with about five ticks at
/// 1, 2 or 5 × a power of ten; counts get whole-number ticks only.
/// </summary>
public sealed record NiceScale(double Min, double Max, double Step)
{
    public static NiceScale For(IEnumerable<double> values, bool wholeNumbers)
    {
        double low = 0, high = 0;
        foreach (var value in values)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        if (high - low <= 0)
        {
            high = low + 1;
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
