namespace Lockstep.Core.Metrics;

/// <summary>
/// Pr(D_n &lt;= x) by the Pomeranz (1974) recursion: SciPy 1.10.1's <c>_kolmogn_Pomeranz</c> and
/// <c>_pomeranz_compute_j1j2</c> in <c>scipy/stats/_ksstats.py</c>. Each of the 2n + 2 rows is the convolution of the
/// previous row with (almost) Poisson probabilities; only two rows, and only a few entries of each, are kept, and
/// the answer is n! times the last entry, with the scale kept as a separate power of two.
/// </summary>
internal static class Pomeranz
{
    private const int ScaleExponent = 128;

    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);

    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = 1.0 * (t - ll);
        var g = Math.Min(f, 1.0 - f);
        var ceilF = f > 0 ? 1 : 0;
        var roundF = f > 0.5 ? 1 : 0;
        var npwrs = 2 * (ll + 1);

        // (g/n)^m/m!, (2g/n)^m/m! and ((1-2g)/n)^m/m!: Poisson probabilities without their normalising factor.
        var gPower = new double[npwrs];
        var twoGPower = new double[npwrs];
        var oneMinus2GPower = new double[npwrs];
        gPower[0] = 1.0;
        twoGPower[0] = 1.0;
        oneMinus2GPower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (var m = 1; m < npwrs; m++)
        {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinus2GPower[m] = oneMinus2GPower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        v1[0] = 1;
        int v0Start = 0, v1Start = 0;
        var exponent = 0;

        var (j1, _) = Interval(0, n, ll, ceilF, roundF);
        for (var i = 1; i < (2 * n) + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0Start, v1Start) = (v1Start, v0Start);
            Array.Clear(v1);
            (j1, var j2) = Interval(i, n, ll, ceilF, roundF);
            var powers = i == 1 || i == (2 * n) + 1 ? gPower : (i % 2 != 0 ? twoGPower : oneMinus2GPower);
            var ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                ConvolveInto(v1, v0, k1 - v0Start, ln2, powers, j1 - k1, j2 - j1 + 1);

                // Scale against underflow.
                var max = v1.Max();
                if (max > 0 && max < Small)
                {
                    for (var j = 0; j < v1.Length; j++)
                    {
                        v1[j] *= Big;
                    }

                    exponent -= ScaleExponent;
                }

                v1Start = v0Start + j1 - k1;
            }
        }

        // Multiply by n! (in double; SciPy's rescaled product is a NumPy long double, which differs by ~1e-16 relative).
        var answer = v1[n - v1Start];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Big)
            {
                answer *= Small;
                exponent += ScaleExponent;
            }

            answer *= m;
        }

        if (exponent != 0)
        {
            answer = Math.ScaleB(answer, exponent);
        }

        return KolmogorovDistribution.Clip(answer);
    }

    /// <summary>
    /// target[0..length) = entries [first, first + length) of the full convolution of
    /// row[start .. start + count) with powers[0 .. count), each slice cut at its array's end as NumPy slices are.
    /// </summary>
    private static void ConvolveInto(double[] target, double[] row, int start, int count, double[] powers, int first, int length)
    {
        var aLength = Math.Min(start + count, row.Length) - start;
        var bLength = Math.Min(count, powers.Length);
        for (var k = 0; k < length; k++)
        {
            var index = first + k;
            var sum = 0.0;
            var from = Math.Max(0, index - bLength + 1);
            var to = Math.Min(index, aLength - 1);
            for (var a = from; a <= to; a++)
            {
                sum += row[start + a] * powers[index - a];
            }

            target[k] = sum;
        }
    }

    /// <summary>The first and last non-zero entries of row <paramref name="i"/>.</summary>
    private static (int J1, int J2) Interval(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            (j1, j2) = (-ll - ceilF - 1, ll + ceilF - 1);
        }
        else
        {
            var (half, odd) = Math.DivRem(i + 1, 2);
            if (odd == 0)
            {
                // i is odd
                (j1, j2) = half == n + 1
                    ? (n - ll - ceilF - 1, n + ll + ceilF - 1)
                    : (half - 1 - ll - roundF - 1, half + ll - 1 + ceilF - 1);
            }
            else
            {
                (j1, j2) = (half - 1 - ll - 1, half + ll + roundF - 1);
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
