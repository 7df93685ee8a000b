namespace Lockstep.Core.Metrics;

/// <summary>
/// The exact two-sided p-value of the two-sample Kolmogorov–Smirnov test, counting lattice paths from (0, 0) to
/// (n1, n2) (Hodges 1958, after Drion, Gnedenko and Korolyuk): SciPy 1.10.1's <c>_attempt_exact_2kssamp</c>,
/// <c>_compute_prob_outside_square</c> (<c>scipy/stats/_stats_py.py</c>) and <c>_compute_outer_prob_inside_method</c>
/// (<c>scipy/stats/_stats_pythran.py</c>).
/// </summary>
internal static class KsExact
{
    /// <summary>
    /// Rounds <paramref name="d"/> to the lattice h/lcm(n1, n2) and computes Pr(D &gt;= h/lcm). False when the
    /// computation lost its way (a probability outside [0, 1]), for the caller to fall back on the asymptotic method.
    /// </summary>
    public static bool TryPValue(int n1, int n2, double d, out double roundedD, out double pValue)
    {
        var g = Gcd(n1, n2);
        var lcm = (long)(n1 / g) * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        roundedD = h * 1.0 / lcm;
        if (h == 0)
        {
            pValue = 1.0;
            return true;
        }

        pValue = n1 == n2 ? OutsideSquare(n1, h) : OuterInside(n1, n2, g, h);
        return pValue is >= 0 and <= 1;
    }

    /// <summary>
    /// Pr(D_{n,n} &gt;= h/n) = 2·(C(2n, n−h) − C(2n, n−2h) + C(2n, n−3h) − …)/C(2n, n), each term divided by
    /// C(2n, n) and the sum nested Horner-style, P = 2·A0·(1 − A1·(1 − A2·(1 − …))), against cancellation.
    /// </summary>
    private static double OutsideSquare(long n, long h)
    {
        var p = 0.0;
        var k = n / h;
        while (k >= 0)
        {
            var p1 = 1.0;
            for (var j = 0L; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k -= 1;
        }

        return 2 * p;
    }

    /// <summary>
    /// The share of paths that leave the band |x/m − y/n| &lt; h/lcm(m, n), computed as 1 − (share inside) directly
    /// (Viehmann 2021, arXiv:2102.08037), one column at a time over a sliding window.
    /// </summary>
    private static double OuterInside(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;

        var minj = 0L;
        var maxj = Math.Min((long)Math.Ceiling(h / (double)mg), n + 1);
        var curlen = maxj - minj;
        var lenA = (int)Math.Min((2 * maxj) + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        Array.Fill(a, 0.0, (int)minj, (int)(maxj - minj));

        for (var i = 1L; i <= m; i++)
        {
            var lastminj = minj;
            var lastlen = curlen;
            minj = Math.Max((long)Math.Floor(((ng * i) - h) / (double)mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min((long)Math.Ceiling(((ng * i) + h) / (double)mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            var val = minj == 0 ? 0.0 : 1.0;
            for (var jj = 0L; jj < maxj - minj; jj++)
            {
                var j = jj + minj;
                val = ((a[jj + minj - lastminj] * i) + (val * j)) / (i + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                // Carried-over entries past the window become 1 (NumPy's slice stops at the array's end).
                var from = (int)(maxj - minj);
                var to = (int)Math.Min(maxj - minj + (lastlen - curlen), lenA);
                Array.Fill(a, 1.0, from, Math.Max(to - from, 0));
            }
        }

        return a[maxj - minj - 1];
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
