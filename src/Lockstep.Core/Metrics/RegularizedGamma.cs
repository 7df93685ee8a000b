namespace Lockstep.Core.Metrics;

/// <summary>
/// The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x), for the chi-square
/// distribution. Written here because Core takes no numerics package. The algorithm is the textbook one (Numerical
/// Recipes §6.2, as Cephes <c>igam</c>/<c>igamc</c>): the power series of P for x &lt; a + 1, Lentz's continued
/// fraction of Q otherwise, so that the smaller of the two is always summed directly and keeps its relative accuracy
/// far into the tail. The common factor xᵃe⁻ˣ/Γ(a) is taken through Stirling's series for a ≥ 10, so a large a does
/// not cancel a·ln x against ln Γ(a).
/// </summary>
internal static class RegularizedGamma
{
    private const int MaxIterations = 1_000_000;
    private const double Precision = 1e-17;
    private const double Tiny = 1e-300;

    /// <summary>P(a, x), the lower tail, for a &gt; 0 and x ≥ 0.</summary>
    public static double Lower(double a, double x) =>
        x <= 0 ? 0 : x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);

    /// <summary>Q(a, x), the upper tail, for a &gt; 0 and x ≥ 0.</summary>
    public static double Upper(double a, double x) =>
        x <= 0 ? 1 : x < a + 1 ? 1 - Series(a, x) : ContinuedFraction(a, x);

    /// <summary>ln(xᵃe⁻ˣ/Γ(a)).</summary>
    public static double LogFactor(double a, double x)
    {
        if (a < 10)
        {
            return (a * Math.Log(x)) - x - LogGamma(a);
        }

        // a·ln x − x − ln Γ(a) with Stirling's ln Γ(a) = (a − ½)·ln a − a + ½·ln 2π + S(a): a·(ln(1 + t) − t) + ½·ln(a/2π) − S(a).
        return (a * Log1PlusMinus((x - a) / a)) + (0.5 * Math.Log(a / (2 * Math.PI))) - StirlingCorrection(a);
    }

    /// <summary>ln Γ(a) for a &gt; 0: Stirling's series, shifted up to 10 by the recurrence Γ(a + 1) = a·Γ(a).</summary>
    public static double LogGamma(double a)
    {
        var shift = 0.0;
        while (a < 10)
        {
            shift += Math.Log(a);
            a += 1;
        }

        return ((a - 0.5) * Math.Log(a)) - a + (0.5 * Math.Log(2 * Math.PI)) + StirlingCorrection(a) - shift;
    }

    private static double Series(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Precision)
            {
                break;
            }
        }

        return sum * Math.Exp(LogFactor(a, x));
    }

    private static double ContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Precision)
            {
                break;
            }
        }

        return Math.Exp(LogFactor(a, x)) * h;
    }

    /// <summary>ln Γ(a) − [(a − ½)·ln a − a + ½·ln 2π] for a ≥ 10: the Bernoulli terms, accurate to 10⁻¹⁶ there.</summary>
    private static double StirlingCorrection(double a)
    {
        var inverse = 1 / a;
        var square = inverse * inverse;
        return inverse * ((1.0 / 12) - (square * ((1.0 / 360) - (square * ((1.0 / 1260) - (square * ((1.0 / 1680) - (square / 1188))))))));
    }

    /// <summary>ln(1 + t) − t without the cancellation near t = 0.</summary>
    private static double Log1PlusMinus(double t)
    {
        if (Math.Abs(t) > 0.5)
        {
            return Math.Log(1 + t) - t;
        }

        // −t²/2 + t³/3 − t⁴/4 + …
        var power = t;
        var sum = 0.0;
        for (var k = 2; k < 200; k++)
        {
            power *= -t;
            var term = power / k;
            sum += term;
            if (Math.Abs(term) <= Math.Abs(sum) * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
