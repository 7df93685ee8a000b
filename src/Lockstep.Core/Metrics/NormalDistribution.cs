namespace Lockstep.Core.Metrics;

/// <summary>
/// The standard normal distribution's tail and quantile, accurate to a few units in the last place (checked against
/// SciPy's <c>norm.sf</c> and <c>norm.ppf</c>): the two-sided p-values and interval multipliers of the tests.
/// </summary>
public static class NormalDistribution
{
    private const double InverseSqrtTwoPi = 0.39894228040143267794;
    private const double SqrtTwoPi = 2.50662827463100050242;

    // Below this the Taylor series of Φ is used, above it the continued fraction of Mills' ratio.
    private const double SeriesLimit = 3.0;
    private const int FractionDepth = 120;

    /// <summary>Density φ(x).</summary>
    public static double Density(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>Pr(Z &gt; x), SciPy's <c>norm.sf</c>; keeps its relative accuracy far into the upper tail.</summary>
    public static double UpperTail(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 1 - UpperTail(-x);
        }

        return x < SeriesLimit ? 0.5 - (Density(x) * OddSeries(x)) : Density(x) / MillsDenominator(x);
    }

    /// <summary>Pr(Z ≤ x), SciPy's <c>norm.cdf</c>.</summary>
    public static double Cdf(double x) => UpperTail(-x);

    /// <summary>The two-sided p-value of a z statistic: 2·Pr(Z &gt; |z|).</summary>
    public static double TwoSidedPValue(double z) => Math.Min(1, 2 * UpperTail(Math.Abs(z)));

    /// <summary>The x with Φ(x) = <paramref name="p"/>, SciPy's <c>norm.ppf</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not strictly between 0 and 1.</exception>
    public static double Quantile(double p)
    {
        if (p is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "expected a probability strictly between 0 and 1");
        }

        // 1 − p is exact for p ≥ ½, so the upper half mirrors the lower one without losing digits.
        if (p > 0.5)
        {
            return -Quantile(1 - p);
        }

        // Acklam's rational approximation (relative error 1.2e-9) polished by Halley steps on the lower tail.
        var x = p < 0.02425 ? TailStart(p) : CentralStart(p);
        for (var step = 0; step < 3; step++)
        {
            var error = UpperTail(-x) - p;
            var u = error * SqrtTwoPi * Math.Exp(0.5 * x * x);
            x -= u / (1 + (0.5 * x * u));
        }

        return x;
    }

    /// <summary>x + x³/3 + x⁵/(3·5) + …, so that Φ(x) = ½ + φ(x)·series (Marsaglia 2004).</summary>
    private static double OddSeries(double x)
    {
        double sum = x, term = x, square = x * x;
        for (var k = 3; sum + term != sum; k += 2)
        {
            term *= square / k;
            sum += term;
        }

        return sum;
    }

    /// <summary>x + 1/(x + 2/(x + 3/(x + …))), evaluated from the bottom: φ(x) over it is the upper tail.</summary>
    private static double MillsDenominator(double x)
    {
        var tail = x;
        for (var k = FractionDepth; k >= 1; k--)
        {
            tail = x + (k / tail);
        }

        return tail;
    }

    private static double CentralStart(double p)
    {
        var q = p - 0.5;
        var r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }

    private static double TailStart(double p)
    {
        var q = Math.Sqrt(-2 * Math.Log(p));
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
    }
}
