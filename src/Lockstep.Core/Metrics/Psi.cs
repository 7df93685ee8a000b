namespace Lockstep.Core.Metrics;

/// <summary>How a bin that is empty on one side is given a share, since ln(r/0) is undefined. Tools disagree.</summary>
public enum EmptyBinRule
{
    /// <summary>
    /// Evidently: a zero share becomes m·10⁻⁶ when m ≤ 10⁻⁴, else 10⁻⁴, where m is that side's smallest non-zero share.
    /// </summary>
    Evidently,

    /// <summary>A zero share becomes a fixed 10⁻⁴ (the classic scorecard convention).</summary>
    Epsilon,
}

/// <summary>Population stability index: Σ (rᵢ − cᵢ)·ln(rᵢ / cᵢ) over the bins' reference and current shares.</summary>
public static class Psi
{
    public const double Epsilon = 1e-4;

    /// <exception cref="ArgumentException">
    /// The sides have different numbers of bins or none, or a share is NaN, infinite or negative.
    /// </exception>
    public static double FromShares(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, EmptyBinRule rule)
    {
        if (reference.Length != current.Length || reference.IsEmpty)
        {
            throw new ArgumentException("expected the same, non-zero number of bins on both sides");
        }

        RequireShares(reference, nameof(reference));
        RequireShares(current, nameof(current));

        var r = FillEmpty(reference, rule);
        var c = FillEmpty(current, rule);
        var psi = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            psi += (r[i] - c[i]) * Math.Log(r[i] / c[i]);
        }

        return psi;
    }

    public static double FromCounts(ReadOnlySpan<long> reference, ReadOnlySpan<long> current, EmptyBinRule rule) =>
        FromShares(Shares(reference), Shares(current), rule);

    /// <summary>Counts divided by their total.</summary>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static double[] Shares(ReadOnlySpan<long> counts)
    {
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i] >= 0
                ? counts[i]
                : throw new ArgumentException($"counts[{i}] is {counts[i]}; expected a count of 0 or more", nameof(counts));
        }

        if (total == 0)
        {
            throw new MetricException("no values: shares of an empty sample are undefined");
        }

        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            shares[i] = counts[i] / (double)total;
        }

        return shares;
    }

    private static void RequireShares(ReadOnlySpan<double> shares, string name)
    {
        FiniteValues.Require(shares, name);
        for (var i = 0; i < shares.Length; i++)
        {
            if (shares[i] < 0)
            {
                throw new ArgumentException($"{name}[{i}] is {Numbers.Format(shares[i])}; expected a share of 0 or more", name);
            }
        }
    }

    private static double[] FillEmpty(ReadOnlySpan<double> shares, EmptyBinRule rule)
    {
        var smallest = double.PositiveInfinity;
        foreach (var share in shares)
        {
            if (share != 0 && share < smallest)
            {
                smallest = share;
            }
        }

        if (double.IsPositiveInfinity(smallest))
        {
            throw new MetricException("no values: every bin is empty");
        }

        var fill = rule == EmptyBinRule.Evidently && smallest <= Epsilon ? smallest / 1e6 : Epsilon;
        var filled = shares.ToArray();
        for (var i = 0; i < filled.Length; i++)
        {
            if (filled[i] == 0)
            {
                filled[i] = fill;
            }
        }

        return filled;
    }
}
