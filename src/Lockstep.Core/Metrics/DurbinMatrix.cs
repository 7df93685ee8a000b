namespace Lockstep.Core.Metrics;

/// <summary>
/// Pr(D_n &lt;= d) by Durbin's matrix algorithm as Marsaglia, Tsang and Wang (2003) compute it: SciPy 1.10.1's
/// <c>_kolmogn_DMTW</c> in <c>scipy/stats/_ksstats.py</c>. With d = (k − h)/n, it takes the k-th diagonal entry of
/// (n!/n^n)·H^n for an m×m matrix H, m = 2k − 1, keeping the scale as a separate power of two. Memory O(m²), time
/// O(m³ log n): suited to small n·d.
/// </summary>
internal static class DurbinMatrix
{
    private const int ScaleExponent = 128;

    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);

    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;

        var matrix = Initial(m, h);
        var power = Identity(m);
        var nn = n;
        var exponent = 0;
        var matrixExponent = 0;
        while (nn > 0)
        {
            if (nn % 2 != 0)
            {
                power = Multiply(power, matrix);
                exponent += matrixExponent;
            }

            matrix = Multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.Abs(matrix[k - 1, k - 1]) > Big)
            {
                Scale(matrix, Small);
                matrixExponent += ScaleExponent;
            }

            nn /= 2;
        }

        var p = power[k - 1, k - 1];

        // Multiply by n!/n^n. (SciPy's scale factors are NumPy long doubles, so once it rescales, its product goes on
        // in 80-bit precision; here it stays double, a difference of the order of 1e-16 relative.)
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= ScaleExponent;
            }
        }

        if (exponent != 0)
        {
            p = Math.ScaleB(p, exponent);
        }

        return KolmogorovDistribution.Clip(p);
    }

    /// <summary>
    /// H: ones below a diagonal band of 1/j!, its first column v[j] = (1 − h^(j+1))/(j+1)!, its last row v reversed,
    /// and the corner corrected for h &gt; 1/2.
    /// </summary>
    private static double[,] Initial(int m, double h)
    {
        var v = new double[m];
        var w = new double[m];
        var factorial = 1.0;
        for (var j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = factorial;
            factorial /= j; // may underflow, harmlessly
            v[j - 1] *= factorial;
        }

        var tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * factorial;

        var matrix = new double[m, m];
        for (var i = 1; i < m; i++)
        {
            for (var row = i - 1; row < m; row++)
            {
                matrix[row, i] = w[row - (i - 1)];
            }
        }

        for (var row = 0; row < m; row++)
        {
            matrix[row, 0] = v[row];
        }

        for (var column = 0; column < m; column++)
        {
            matrix[m - 1, column] = v[m - 1 - column];
        }

        return matrix;
    }

    private static double[,] Identity(int m)
    {
        var identity = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            identity[i, i] = 1.0;
        }

        return identity;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = a.GetLength(0);
        var product = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var l = 0; l < m; l++)
            {
                var ail = a[i, l];
                if (ail == 0.0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    product[i, j] += ail * b[l, j];
                }
            }
        }

        return product;
    }

    private static void Scale(double[,] matrix, double factor)
    {
        var m = matrix.GetLength(0);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                matrix[i, j] *= factor;
            }
        }
    }
}
