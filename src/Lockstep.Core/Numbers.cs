using System.Globalization;

namespace Lockstep.Core;

/// <summary>How numbers read in reports and messages: short, invariant, no float noise (0.8245, not 0.82450000000000001).</summary>
public static class Numbers
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        var magnitude = Math.Abs(value);
        return magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4)
            ? value.ToString("G6", CultureInfo.InvariantCulture)
            : Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
    }

    public static string WithSign(double value) => value > 0 ? "+" + Format(value) : Format(value).Replace("-", "−", StringComparison.Ordinal);

    public static string Percent(double fraction) =>
        (fraction * 100).ToString(Math.Abs(fraction) >= 0.1 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + "%";

    public static string PercentWithSign(double fraction) =>
        fraction > 0 ? "+" + Percent(fraction) : Percent(fraction).Replace("-", "−", StringComparison.Ordinal);
}
