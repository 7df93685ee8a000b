namespace Lockstep.Core.Gates;

/// <summary>
/// Bound comparisons with a relative tolerance of 1e-9 (as Python's <c>math.isclose</c>), so that a bound computed
/// in floating point (0.80 + 0.05 = 0.8500000000000001) does not fail a candidate sitting exactly on it (0.85).
/// </summary>
public static class Tolerance
{
    public const double Relative = 1e-9;

    public static bool IsClose(double a, double b) =>
        a == b || Math.Abs(a - b) <= Relative * Math.Max(Math.Abs(a), Math.Abs(b));

    public static bool AtMost(double value, double limit) => value <= limit || IsClose(value, limit);

    public static bool AtLeast(double value, double limit) => value >= limit || IsClose(value, limit);
}
