namespace Lockstep.Core.Reporting;

/// <summary>
/// The top of a count axis that Mermaid's xychart ticks in whole numbers. It ticks its y range with d3's
/// <c>ticks()</c> (ten ticks asked for), whose step is 1, 2 or 5 times a power of ten near range / 10: 0 → 3 gives
/// steps of 0.2. The top is the smallest at or above the highest count whose step is whole.
/// </summary>
public static class WholeTicks
{
    private const int TicksAsked = 10;

    public static int Top(int highest)
    {
        var top = Math.Max(1, highest);
        while (Step(top) < 1)
        {
            top++;
        }

        return top;
    }

    /// <summary>d3-array's <c>tickIncrement</c> for the range 0 → <paramref name="top"/>, as a step.</summary>
    public static double Step(double top)
    {
        var raw = top / TicksAsked;
        var power = Math.Floor(Math.Log10(raw));
        var error = raw / Math.Pow(10, power);
        var factor = error >= Math.Sqrt(50) ? 10 : error >= Math.Sqrt(10) ? 5 : error >= Math.Sqrt(2) ? 2 : 1;
        return factor * Math.Pow(10, power);
    }
}
