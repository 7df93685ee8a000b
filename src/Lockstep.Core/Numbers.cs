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

    /// <summary>
    /// Numbers that a message sets side by side (a value and its bounds), each as <see cref="Format"/> writes it,
    /// unless two that differ would then read the same: then all of them with as many significant digits as it takes
    /// for those to differ (up to the round-trip form "R"), so a message never says "0.25 is above the maximum 0.25".
    /// </summary>
    public static string[] Distinct(params double[] values)
    {
        var texts = values.Select(Format).ToArray();
        for (var digits = 7; Collide(values, texts) && digits <= 17; digits++)
        {
            texts = values.Select(v => double.IsFinite(v) ? v.ToString("G" + digits, CultureInfo.InvariantCulture) : Format(v)).ToArray();
        }

        return Collide(values, texts)
            ? values.Select(v => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : Format(v)).ToArray()
            : texts;
    }

    private static bool Collide(double[] values, string[] texts)
    {
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = i + 1; j < values.Length; j++)
            {
                if (texts[i] == texts[j] && !values[i].Equals(values[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static string WithSign(double value) => value > 0 ? "+" + Format(value) : Format(value).Replace("-", "−", StringComparison.Ordinal);

    public static string Percent(double fraction) =>
        (fraction * 100).ToString(Math.Abs(fraction) >= 0.1 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + "%";

    public static string PercentWithSign(double fraction) =>
        fraction > 0 ? "+" + Percent(fraction) : Percent(fraction).Replace("-", "−", StringComparison.Ordinal);
}
