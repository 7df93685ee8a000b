namespace Lockstep.Core.Metrics;

/// <summary>
/// A metric's standard error and percentile interval from its bootstrap replicates. The standard error is the
/// replicates' sample standard deviation (divided by N − 1, NumPy's <c>np.std(ddof=1)</c>); the interval is the
/// replicates' linear percentiles (NumPy's default) at 50·(1 − level) and 50·(1 + level), 2.5 and 97.5 at 0.95.
/// A replicate that is NaN is undefined (a precision with no predicted positive in that resample) and is skipped,
/// as long as at least <see cref="MinimumDefinedShare"/> of the replicates are defined.
/// </summary>
public static class BootstrapSummary
{
    /// <summary>The share of defined replicates below which a metric gets no interval.</summary>
    public const double MinimumDefinedShare = 0.9;

    /// <summary>The standard error and interval, or <c>null</c> and why not when too few replicates are defined.</summary>
    /// <param name="replicates">The replicates, NaN where undefined; reordered by the call.</param>
    /// <param name="level">The interval's confidence level, strictly between 0 and 1.</param>
    public static (BootstrapInterval? Interval, string? Problem) Summarize(Span<double> replicates, double level)
    {
        if (level is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "expected a confidence level strictly between 0 and 1");
        }

        var defined = 0;
        for (var i = 0; i < replicates.Length; i++)
        {
            if (!double.IsNaN(replicates[i]))
            {
                replicates[defined++] = replicates[i];
            }
        }

        if (defined < 2 || defined < MinimumDefinedShare * replicates.Length)
        {
            return (null, $"only {defined} of {replicates.Length} resamples define it (at least {(int)Math.Round(MinimumDefinedShare * 100)} % and 2 are needed)");
        }

        var values = replicates[..defined];
        values.Sort();
        var mean = CompensatedSum.Of(values) / defined;
        var squares = default(CompensatedSum);
        foreach (var value in values)
        {
            squares.Add((value - mean) * (value - mean));
        }

        var standardError = Math.Sqrt(squares.Value / (defined - 1));
        var bounds = Percentile.Linear(values, [50 * (1 - level), 50 * (1 + level)]);
        return (new BootstrapInterval(standardError, bounds[0], bounds[1]), null);
    }
}

/// <summary>A bootstrap standard error and the percentile interval.</summary>
public sealed record BootstrapInterval(double StandardError, double Low, double High);
