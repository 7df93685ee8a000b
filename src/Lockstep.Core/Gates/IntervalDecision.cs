namespace Lockstep.Core.Gates;

/// <summary>Where an interval stands against a bound: wholly within it, wholly beyond it, or straddling it.</summary>
internal enum IntervalStanding
{
    Within,
    Beyond,
    Straddling,
}

/// <summary>An estimate and its standard error.</summary>
internal readonly record struct Estimate(double Value, double StandardError)
{
    /// <summary>Value ± z·se.</summary>
    public ValueInterval Interval(double z) => new(Value - (z * StandardError), Value + (z * StandardError));
}

/// <summary>Judges an interval against a boundary, and estimates how many more rows would settle a straddling one.</summary>
internal static class IntervalDecision
{
    /// <param name="atLeast">True when the quantity must be at least <paramref name="boundary"/>, false when at most.</param>
    public static IntervalStanding Judge(ValueInterval interval, double boundary, bool atLeast)
    {
        var (near, far) = atLeast ? (interval.Low, interval.High) : (interval.High, interval.Low);
        bool Meets(double x) => atLeast ? Tolerance.AtLeast(x, boundary) : Tolerance.AtMost(x, boundary);
        return Meets(near) ? IntervalStanding.Within : Meets(far) ? IntervalStanding.Straddling : IntervalStanding.Beyond;
    }

    /// <summary>
    /// How many times the rows behind the estimate it takes for the interval to clear the boundary, assuming the
    /// estimate stays where it is and its standard error falls as 1/√rows. Null when no number of rows would: the
    /// estimate lies on the boundary, or the part of the error more rows do not reduce is already too wide.
    /// </summary>
    /// <param name="fixedError">The part of the standard error more candidate rows leave as it is (an unpaired baseline's).</param>
    public static double? RowFactor(Estimate estimate, double boundary, double z, double fixedError = 0)
    {
        var settling = Math.Abs(estimate.Value - boundary) / z;
        var reducible = (estimate.StandardError * estimate.StandardError) - (fixedError * fixedError);
        var allowed = (settling * settling) - (fixedError * fixedError);
        return allowed > 0 && reducible > 0 ? Math.Max(1, reducible / allowed) : null;
    }
}
