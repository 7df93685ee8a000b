using System.Globalization;

namespace Lockstep.Core.Policy;

/// <summary>A change bound's size: absolute (<c>0.02</c>) or relative to the baseline (<c>3%</c>).</summary>
public readonly record struct ChangeAmount(double Amount, bool IsRelative)
{
    /// <summary>Parses <c>0.02</c>, <c>3%</c> or <c>3 %</c>; null when the text is neither.</summary>
    public static ChangeAmount? TryParse(string text)
    {
        var trimmed = text.Trim();
        var relative = trimmed.EndsWith('%');
        var number = relative ? trimmed[..^1].TrimEnd() : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return null;
        }

        return new ChangeAmount(relative ? value / 100 : value, relative);
    }

    /// <summary>The absolute size of the change allowed or required around <paramref name="baseline"/>.</summary>
    public double Around(double baseline) => IsRelative ? Amount * Math.Abs(baseline) : Amount;

    /// <summary>As written, in the one number format of messages (<see cref="Numbers.Format"/>): a tiny amount is 1E-07, not 0.</summary>
    public override string ToString() => IsRelative ? Numbers.Format(Amount * 100) + "%" : Numbers.Format(Amount);
}
