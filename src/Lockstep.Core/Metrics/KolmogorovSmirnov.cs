namespace Lockstep.Core.Metrics;

/// <summary>The two-sample Kolmogorov–Smirnov statistic D and its two-sided p-value.</summary>
public readonly record struct KsResult(double Statistic, double PValue);

/// <summary>
/// The two-sample Kolmogorov–Smirnov test, as <c>scipy.stats.ks_2samp(x, y)</c> with its defaults
/// (<c>alternative='two-sided'</c>, <c>method='auto'</c>) in SciPy 1.10.1, <c>scipy/stats/_stats_py.py</c>.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>SciPy's <c>MAX_AUTO_N</c>: the exact p-value is tried when neither sample is larger.</summary>
    public const int MaxExactSampleSize = 10000;

    /// <summary>
    /// D = max |F1(t) − F2(t)| over the pooled sample, and its p-value: exact (lattice path counting) when both
    /// samples have at most <see cref="MaxExactSampleSize"/> values, otherwise, or when the exact computation fails,
    /// <c>kstwo.sf(D, round(n1·n2/(n1 + n2)))</c>. As in SciPy, the exact method reports D rounded to the lattice
    /// h/lcm(n1, n2) it counts on, which can differ from the directly computed D in the last bit.
    /// </summary>
    /// <param name="sortedReference">The first sample, sorted ascending, finite, not empty.</param>
    /// <param name="sortedCurrent">The second sample, sorted ascending, finite, not empty.</param>
    public static KsResult TwoSample(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        SortedSample.Require(sortedReference, nameof(sortedReference));
        SortedSample.Require(sortedCurrent, nameof(sortedCurrent));
        int n1 = sortedReference.Length, n2 = sortedCurrent.Length;

        return FromStatistic(Statistic(sortedReference, sortedCurrent), n1, n2);
    }

    /// <summary>
    /// The p-value of a statistic D computed elsewhere (a database's cumulative counts), with the same methods as
    /// <see cref="TwoSample"/>: exact up to <see cref="MaxExactSampleSize"/> values a side, else <c>kstwo.sf</c>.
    /// </summary>
    /// <param name="d">max |F1(t) − F2(t)|, from 0 to 1.</param>
    /// <param name="n1">The first sample's size, at least 1.</param>
    /// <param name="n2">The second sample's size, at least 1.</param>
    public static KsResult FromStatistic(double d, long n1, long n2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n2, 1);
        if (!(d is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "expected a statistic from 0 to 1");
        }

        // The exact method reports D rounded to its lattice, and SciPy carries that D into the fallback too.
        var exact = false;
        var pValue = double.NaN;
        if (Math.Max(n1, n2) <= MaxExactSampleSize)
        {
            exact = KsExact.TryPValue((int)n1, (int)n2, d, out d, out pValue);
        }

        if (!exact)
        {
            double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
            var en = m * n / (m + n);
            pValue = KolmogorovDistribution.Sf(d, Math.Round(en, MidpointRounding.ToEven));
        }

        return new KsResult(d, Math.Clamp(pValue, 0.0, 1.0));
    }

    /// <summary>
    /// max over the pooled values t of |F1(t) − F2(t)|, by one merge walk; each difference is computed as SciPy does,
    /// count1/n1 − count2/n2, so the statistic matches it bit for bit.
    /// </summary>
    private static double Statistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n1 = x.Length, n2 = y.Length;
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        int i = 0, j = 0;
        while (i < n1 || j < n2)
        {
            var t = j >= n2 || (i < n1 && x[i] <= y[j]) ? x[i] : y[j];
            while (i < n1 && x[i] == t)
            {
                i++;
            }

            while (j < n2 && y[j] == t)
            {
                j++;
            }

            var diff = ((double)i / n1) - ((double)j / n2);
            max = Math.Max(max, diff);
            min = Math.Min(min, diff);
        }

        var minS = Math.Clamp(-min, 0, 1);
        return minS > max ? minS : max;
    }
}
