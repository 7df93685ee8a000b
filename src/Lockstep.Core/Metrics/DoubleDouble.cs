namespace Lockstep.Core.Metrics;

/// <summary>
/// A double-double number (Hi + Lo, about 106 significant bits): the few operations of the QD library's
/// double-double arithmetic (Hida, Li and Bailey) that <see cref="Smirnov"/> needs, done in the same order so the
/// results round as SciPy's <c>scipy/special/cephes/dd_real_idefs.h</c> does.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble One = new(1.0, 0.0);

    public static readonly DoubleDouble Zero = new(0.0, 0.0);

    public bool IsZero => Hi == 0.0;

    public bool IsFinite => double.IsFinite(Hi);

    public static DoubleDouble FromDouble(double value) => new(value, 0.0);

    public static DoubleDouble Sum(double a, double b) => new(TwoSum(a, b, out var e), e);

    public static DoubleDouble Difference(double a, double b) => new(TwoDifference(a, b, out var e), e);

    public static DoubleDouble Product(double a, double b) => new(TwoProduct(a, b, out var e), e);

    public static DoubleDouble Quotient(double a, double b) => Divide(FromDouble(a), FromDouble(b));

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    /// <summary>IEEE-style addition (Briggs and Kahan).</summary>
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var s1 = TwoSum(a.Hi, b.Hi, out var s2);
        var t1 = TwoSum(a.Lo, b.Lo, out var t2);
        s2 += t1;
        s1 = QuickTwoSum(s1, s2, out s2);
        s2 += t2;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator +(DoubleDouble a, double b)
    {
        var s1 = TwoSum(a.Hi, b, out var s2);
        s2 += a.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble operator -(DoubleDouble a, double b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p1 = TwoProduct(a.Hi, b.Hi, out var p2);
        p2 += (a.Hi * b.Lo) + (a.Lo * b.Hi);
        p1 = QuickTwoSum(p1, p2, out p2);
        return new DoubleDouble(p1, p2);
    }

    public static DoubleDouble operator *(double a, DoubleDouble b)
    {
        var p1 = TwoProduct(a, b.Hi, out var e1);
        var p2 = TwoProduct(a, b.Lo, out var e2);
        p1 = QuickTwoSum(p1, e2 + p2 + e1, out e1);
        return new DoubleDouble(p1, e1);
    }

    public static DoubleDouble operator *(DoubleDouble a, double b) => b * a;

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b) => Divide(a, b);

    public static DoubleDouble operator /(DoubleDouble a, double b) => Divide(a, FromDouble(b));

    public static DoubleDouble operator /(double a, DoubleDouble b) => Divide(FromDouble(a), b);

    public DoubleDouble Floor()
    {
        var hi = Math.Floor(Hi);
        var lo = 0.0;
        if (hi == Hi)
        {
            lo = Math.Floor(Lo);
            hi = QuickTwoSum(hi, lo, out lo);
        }

        return new DoubleDouble(hi, lo);
    }

    /// <summary>This times 2^<paramref name="exponent"/>.</summary>
    public DoubleDouble ScaleB(int exponent) => new(Math.ScaleB(Hi, exponent), Math.ScaleB(Lo, exponent));

    /// <summary>Splits into a significand with 0.5 &lt;= |Hi| &lt; 1 (or |Hi| == 1 with Lo of the other sign) and a power of two.</summary>
    public DoubleDouble Frexp(out int exponent)
    {
        var significand = Frexp(Hi, out exponent);
        var lo = Math.ScaleB(Lo, -exponent);
        if (Math.Abs(significand) == 0.5 && significand * lo < 0)
        {
            significand *= 2;
            lo *= 2;
            exponent -= 1;
        }

        return new DoubleDouble(significand, lo);
    }

    /// <summary>C's <c>frexp</c>: <paramref name="value"/> = significand · 2^exponent with 0.5 &lt;= |significand| &lt; 1.</summary>
    public static double Frexp(double value, out int exponent)
    {
        if (value == 0.0 || !double.IsFinite(value))
        {
            exponent = 0;
            return value;
        }

        exponent = Math.ILogB(value) + 1;
        return Math.ScaleB(value, -exponent);
    }

    private static DoubleDouble Divide(DoubleDouble a, DoubleDouble b)
    {
        var q1 = a.Hi / b.Hi;
        var r = a - (b * q1);
        var q2 = r.Hi / b.Hi;
        r -= b * q2;
        var q3 = r.Hi / b.Hi;
        q1 = QuickTwoSum(q1, q2, out q2);
        return new DoubleDouble(q1, q2) + q3;
    }

    private static double QuickTwoSum(double a, double b, out double error)
    {
        var s = a + b;
        error = b - (s - a);
        return s;
    }

    private static double TwoSum(double a, double b, out double error)
    {
        var s = a + b;
        var c = s - a;
        var d = b - c;
        var e = s - c;
        error = (a - e) + d;
        return s;
    }

    private static double TwoDifference(double a, double b, out double error)
    {
        var s = a - b;
        var c = s - a;
        var d = b + c;
        var e = s - c;
        error = (a - e) - d;
        return s;
    }

    /// <summary>The product and its exact rounding error (the fused multiply-add gives the same error as Dekker's split).</summary>
    private static double TwoProduct(double a, double b, out double error)
    {
        var p = a * b;
        error = Math.FusedMultiplyAdd(a, b, -p);
        return p;
    }
}
