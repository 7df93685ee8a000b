namespace Lockstep.Core.Gates;

/// <summary>One limit a gate compared the candidate's value with, and whether the value broke it.</summary>
internal readonly record struct GateLimit(double Value, bool Broken)
{
    /// <summary>
    /// The limit a gate outcome reports: the first broken one (in the order the gate checks them: min, max,
    /// regression, improvement), else the one nearest the value, so a chart draws the line that decided.
    /// </summary>
    public static double? Binding(IReadOnlyList<GateLimit> limits, double? value)
    {
        if (limits.Count == 0)
        {
            return null;
        }

        foreach (var limit in limits)
        {
            if (limit.Broken)
            {
                return limit.Value;
            }
        }

        return value is { } v ? limits.MinBy(l => Math.Abs(l.Value - v)).Value : limits[0].Value;
    }
}
