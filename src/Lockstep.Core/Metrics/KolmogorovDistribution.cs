namespace Lockstep.Core.Metrics;

/// <summary>
/// The survival function Pr(D_n &gt;= x) of the two-sided one-sample Kolmogorov–Smirnov statistic: SciPy's
/// <c>scipy.stats.kstwo.sf(x, n)</c> (SciPy 1.10.1, <c>scipy/stats/_ksstats.py</c>, <c>kolmogn</c> with
/// <c>cdf=False</c>). The branches follow Simard and L'Ecuyer (2011): the Ruben–Gambino closed forms at the ends,
/// twice the one-sided <see cref="Smirnov"/> tail where the two tails cannot overlap or the tail is small, the
/// Durbin matrix (Marsaglia–Tsang–Wang) or the Pomeranz recursion for small n·x², and Pelz–Good otherwise.
/// </summary>
internal static class KolmogorovDistribution
{
    /// <summary><c>kstwo.sf(x, n)</c>: 1 at or below the support's start 0.5/n, 0 at or above 1, NaN for an n that is not a positive integer.</summary>
    public static double Sf(double x, double n)
    {
        if (!(n >= 1 && n == Math.Round(n)) || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= 0.5 / n)
        {
            return 1.0;
        }

        return x < 1.0 ? Kolmogn((int)n, x) : 0.0;
    }

    /// <summary><c>_kolmogn(n, x, cdf=False)</c>.</summary>
    private static double Kolmogn(int n, double x)
    {
        if (x >= 1.0)
        {
            return 0.0;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: 1/2n <= x <= 1/n.
            if (t <= 0.5)
            {
                return 1.0;
            }

            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                for (var i = 1; i <= n; i++)
                {
                    prob *= i * (1.0 / n) * ((2 * t) - 1);
                }
            }
            else
            {
                prob = Math.Exp(LogNFactorialDivNPowN(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Clip(1.0 - prob);
        }

        if (t >= n - 1)
        {
            // Ruben–Gambino
            return Clip(2 * Math.Pow(1.0 - x, n));
        }

        if (x >= 0.5)
        {
            // Exact: the two one-sided tails cannot both be exceeded.
            return Clip(2 * Smirnov.Sf(n, x));
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return Clip(1.0 - DurbinMatrix.Cdf(n, x));
            }

            if (nxSquared <= 4)
            {
                return Clip(1.0 - Pomeranz.Cdf(n, x));
            }

            // Miller's approximation: twice the one-sided tail.
            return Clip(2 * Smirnov.Sf(n, x));
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared >= 2.2)
        {
            return Clip(2 * Smirnov.Sf(n, x));
        }

        var cdf = n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4
            ? DurbinMatrix.Cdf(n, x)
            : PelzGood.Cdf(n, x);
        return Clip(1.0 - cdf);
    }

    internal static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);

    /// <summary>log(n!/n^n) by Stirling's series, with n·log(n) taken out up front against cancellation.</summary>
    private static double LogNFactorialDivNPowN(int n)
    {
        // B_{2j}/(2j)/(2j-1) for j = 8, ..., 1, highest power first.
        ReadOnlySpan<double> stirling =
        [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
            -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ];
        var rn = 1.0 / n;
        var x = rn / n;
        var polynomial = 0.0;
        foreach (var coefficient in stirling)
        {
            polynomial = (polynomial * x) + coefficient;
        }

        return (Math.Log(n) / 2) - n + (Math.Log(2 * Math.PI) / 2) + (rn * polynomial);
    }
}
