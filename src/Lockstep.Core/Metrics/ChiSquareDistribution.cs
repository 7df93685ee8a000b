namespace Lockstep.Core.Metrics;

/// <summary>
/// The chi-square distribution with <c>df</c> degrees of freedom: the upper tail as SciPy's
/// <c>scipy.stats.chi2.sf(x, df)</c> and its inverse as <c>chi2.isf(p, df)</c>, through <see cref="RegularizedGamma"/>.
/// </summary>
public static class ChiSquareDistribution
{
    /// <summary>Pr(X ≥ x) = Q(df/2, x/2): 1 for x ≤ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is not a positive finite number, or x is NaN.</exception>
    public static double Sf(double x, double df)
    {
        RequireDegrees(df);
        return double.IsNaN(x)
            ? throw new ArgumentOutOfRangeException(nameof(x), x, "expected a number")
            : double.IsPositiveInfinity(x) ? 0 : RegularizedGamma.Upper(df / 2, x / 2);
    }

    /// <summary>Pr(X ≤ x) = P(df/2, x/2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">df is not a positive finite number, or x is NaN.</exception>
    public static double Cdf(double x, double df)
    {
        RequireDegrees(df);
        return double.IsNaN(x)
            ? throw new ArgumentOutOfRangeException(nameof(x), x, "expected a number")
            : double.IsPositiveInfinity(x) ? 1 : RegularizedGamma.Lower(df / 2, x / 2);
    }

    /// <summary>
    /// The x with <see cref="Sf"/>(x) = p: ∞ for p = 0, 0 for p = 1. Found by bisection on the upper tail for p ≤ ½ and
    /// on the lower tail for p &gt; ½ (whichever is the smaller probability keeps its relative accuracy), to the last bit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1], or df is not a positive finite number.</exception>
    public static double Isf(double p, double df)
    {
        RequireDegrees(df);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"p is {Numbers.Format(p)}; expected a probability from 0 to 1");
        }

        if (p == 0)
        {
            return double.PositiveInfinity;
        }

        if (p == 1)
        {
            return 0;
        }

        // True while x is below the answer.
        Func<double, bool> below = p <= 0.5 ? x => Sf(x, df) > p : x => Cdf(x, df) < 1 - p;
        var high = Math.Max(df, 1.0);
        while (below(high))
        {
            high *= 2;
        }

        var low = 0.0;
        for (var i = 0; i < 4000; i++)
        {
            var middle = low + ((high - low) / 2);
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (below(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low + ((high - low) / 2);
    }

    private static void RequireDegrees(double df)
    {
        if (!(df > 0 && double.IsFinite(df)))
        {
            throw new ArgumentOutOfRangeException(nameof(df), df, $"df is {Numbers.Format(df)}; expected a positive number of degrees of freedom");
        }
    }
}
