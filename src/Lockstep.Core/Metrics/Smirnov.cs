namespace Lockstep.Core.Metrics;

/// <summary>
/// The survival function of the one-sided Kolmogorov–Smirnov statistic, Pr(D+_n &gt;= x): SciPy's
/// <c>scipy.special.smirnov(n, x)</c> (SciPy 1.10.1, <c>scipy/special/cephes/kolmogorov.c</c>, function <c>_smirnov</c>).
/// It sums the Birnbaum–Tingey series in double-double arithmetic, keeping huge binomial coefficients and tiny powers
/// as a significand and a separate power of two (van Mulbregt, arXiv:1802.06966).
/// </summary>
internal static class Smirnov
{
    /// <summary>Above this n the sum takes too long and an approximation is used.</summary>
    private const int MaxComputeN = 1000000;

    /// <summary>The upper sum is used only with at most this many terms, and for n of at least <see cref="UpperSumMinN"/>.</summary>
    private const int UpperMaxTerms = 3;

    private const int UpperSumMinN = 10;

    /// <summary>Powers are split so both halves of a double-double stay normal (&lt; 1023 − 52).</summary>
    private const int MaxExponent = 960;

    /// <summary>Cephes' <c>MINLOG</c>: log(2^-1075); exp of anything smaller is 0.</summary>
    private const double MinLog = -7.451332191019412076235E2;

    /// <summary>C's <c>DBL_EPSILON</c>, 2^-52 (.NET's <c>double.Epsilon</c> is the smallest subnormal instead).</summary>
    private const double DblEpsilon = 2.220446049250313e-16;

    public static double Sf(int n, double x)
    {
        if (double.IsNaN(x) || !(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        var alpha = ModNX(n, x, out var nxFloor);
        var n1mxFloor = n - nxFloor - (alpha == 0 ? 0 : 1);
        var n1mxCeil = n - nxFloor;
        if (alpha == 0)
        {
            // Leave the last term out of both the lower and the upper sum.
            n1mxFloor -= 1;
            n1mxCeil += 1;
        }

        // x <= 1/n
        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            var t = PowD(DoubleDouble.Sum(1, x), n - 1).Hi;
            return 1 - (x * t);
        }

        // The survival function underflows.
        if (-2 * n * x * x < MinLog)
        {
            return 0.0;
        }

        // x >= 1 - 1/n
        if (nxFloor >= n - 1)
        {
            return PowD(DoubleDouble.Sum(1, -x), n).Hi;
        }

        if (n > MaxComputeN)
        {
            // p ~ e^(-(6nx+1)^2 / 18n)
            var logp = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
            return logp < -Math.Log(2) ? Math.Exp(logp) : 1 - (1 - Math.Exp(logp));
        }

        var nUpperTerms = n - n1mxCeil + 1;
        var useUpperSum = (nUpperTerms <= 1 && x < 0.5)
            || (n >= UpperSumMinN && nUpperTerms <= UpperMaxTerms && x <= 0.5 / Math.Sqrt(n));

        var prob = Series(n, x, useUpperSum, useUpperSum ? n - n1mxCeil + 1 : n1mxFloor + 1);
        var sf = useUpperSum ? 1 - prob : prob;
        return Math.Clamp(sf, 0.0, 1.0);
    }

    /// <summary>x times the sum of A_v(n, x) = C(n, v) (1 − x − v/n)^(n−v) (x + v/n)^(v−1), over the lower or the upper range of v.</summary>
    private static double Series(int n, double x, bool upper, int terms)
    {
        var start = upper ? n : 0;
        var step = upper ? -1 : 1;
        var middle = n / 2;
        var binomial = DoubleDouble.One;
        var binomialExponent = 0;

        var aj = upper ? Pow4D(1, x, 1, 0, n - 1) : Pow4D(1, -x, 1, 0, n) / x;
        var sum = DoubleDouble.Zero + aj;
        UpdateBinomial(ref binomial, ref binomialExponent, n, 0);

        for (var j = 1; j < terms; j++)
        {
            var v = start + (j * step);
            aj = TermAv(n, x, v, binomial, binomialExponent);
            if (aj.IsFinite && !aj.IsZero)
            {
                sum += aj;
            }

            // Safe to stop early?
            if (!aj.IsZero)
            {
                if (4 * (terms - j) * Math.Abs(aj.Hi) < DblEpsilon * sum.Hi && j != terms - 1)
                {
                    break;
                }
            }
            else if (j > middle)
            {
                break;
            }

            UpdateBinomial(ref binomial, ref binomialExponent, n, j);
        }

        return (x * sum).Hi;
    }

    private static DoubleDouble TermAv(int n, double x, int v, DoubleDouble binomial, int binomialExponent)
    {
        var t2x = DoubleDouble.Quotient(n - v, n) - x;
        var t2 = Pow2Scaled(t2x, n - v, out var t2Exponent);
        var t1x = DoubleDouble.Quotient(v, n) + x;
        var t1 = Pow2Scaled(t1x, v - 1, out var t1Exponent);
        var product = t1 * t2 * binomial;
        return product.ScaleB(binomialExponent + t1Exponent + t2Exponent);
    }

    /// <summary>floor(n·x) and the remainder, computed exactly; a remainder that rounds to 1 carries into the floor.</summary>
    private static double ModNX(int n, double x, out int nxFloor)
    {
        var nx = DoubleDouble.Product(n, x);
        var floor = nx.Floor();
        var alpha = (nx - floor).Hi;
        nxFloor = (int)floor.Hi;
        if (alpha == 1)
        {
            nxFloor += 1;
            alpha = 0;
        }

        return alpha;
    }

    /// <summary>C(n, j+1) from C(n, j), kept as a significand in [0.5, 1) and a power of two.</summary>
    private static void UpdateBinomial(ref DoubleDouble significand, ref int exponent, int n, int j)
    {
        var ratio = DoubleDouble.Quotient(n - j, j + 1.0);
        significand = (significand * ratio).Frexp(out var e);
        exponent += e;
    }

    /// <summary>a^m, using the double <c>pow</c> on the high part and a first-order correction for the low part.</summary>
    private static DoubleDouble PowD(DoubleDouble a, int m)
    {
        if (m <= 0)
        {
            return m == 0 ? DoubleDouble.One : 1.0 / PowD(a, -m);
        }

        if (a.IsZero)
        {
            return DoubleDouble.Zero;
        }

        var ans = Math.Pow(a.Hi, m);
        var r = a.Lo / a.Hi;
        var adjust = m * r;
        if (Math.Abs(adjust) > 1e-8)
        {
            // |r| <= 2^-53 and m < 2^31 keep |m·r| below 1e-4, where SciPy takes two terms of the Taylor series of (1+r)^m.
            adjust += m * r * ((m - 1) / 2.0 * r);
        }

        return DoubleDouble.Sum(ans, ans * adjust);
    }

    /// <summary>((a+b)/(c+d))^m.</summary>
    private static DoubleDouble Pow4D(double a, double b, double c, double d, int m)
    {
        if (m <= 0)
        {
            return m == 0 ? DoubleDouble.One : Pow4D(c, d, a, b, -m);
        }

        var numerator = DoubleDouble.Sum(a, b);
        var denominator = DoubleDouble.Sum(c, d);
        if (numerator.IsZero)
        {
            return denominator.IsZero ? new DoubleDouble(double.NaN, double.NaN) : DoubleDouble.Zero;
        }

        if (denominator.IsZero)
        {
            return numerator.Hi < 0
                ? new DoubleDouble(double.NegativeInfinity, double.NegativeInfinity)
                : new DoubleDouble(double.PositiveInfinity, double.PositiveInfinity);
        }

        return PowD(numerator / denominator, m);
    }

    /// <summary>a^m as a significand and a power of two, so powers far below the double range stay exact enough.</summary>
    private static DoubleDouble Pow2Scaled(DoubleDouble a, int m, out int exponent)
    {
        if (m <= 0)
        {
            if (m == 0)
            {
                exponent = 0;
                return DoubleDouble.One;
            }

            var positive = Pow2Scaled(a, -m, out var e1);
            var inverse = (1.0 / positive).Frexp(out var e2);
            exponent = -e1 + e2;
            return inverse;
        }

        var y = a.Frexp(out var yExponent);
        if (m == 1)
        {
            exponent = yExponent;
            return y;
        }

        var maxExpt = MaxExponent;
        if (m * (y.Hi - 1) / y.Hi < -MaxExponent * Math.Log(2))
        {
            var lg2y = Math.Log(y.Hi) / Math.Log(2);
            var lgAns = m * lg2y;
            if (lgAns <= -MaxExponent)
            {
                maxExpt = (int)(NextPowerOf2((-MaxExponent / lg2y) + 1) / 2);
            }
        }

        if (m <= maxExpt)
        {
            var power = PowD(y, m).Frexp(out var powerExponent);
            exponent = powerExponent + (m * yExponent);
            return power;
        }

        // y^m = (y^maxExpt)^q · y^r
        var q = m / maxExpt;
        var rest = m % maxExpt;
        var y2r = Pow2Scaled(y, rest, out var y2rE);
        var y2m = Pow2Scaled(y, maxExpt, out var y2mE);
        var y2mq = Pow2Scaled(y2m, q, out var y2mqE);
        var ans = (y2r * y2mq).Frexp(out var ansE);
        y2mqE += y2mE * q;
        ansE += y2mqE + y2rE;
        ansE += m * yExponent;
        exponent = ansE;
        return ans;
    }

    /// <summary>Cephes' <c>nextPowerOf2</c>, which (despite its name) returns |x·(1 + 2^-52)|, made an integer when it is one.</summary>
    private static double NextPowerOf2(double x)
    {
        var q = Math.ScaleB(x, 1 - 53);
        var l = Math.Abs(q + x);
        if (l == 0)
        {
            return Math.Abs(x);
        }

        var lInt = (int)l;
        return lInt == l ? lInt : l;
    }
}
