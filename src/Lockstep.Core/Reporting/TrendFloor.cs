using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The noise floor under which a DORA trend gets no word (<c>better</c>/<c>worse</c>): with a handful of events a
/// window's median or rate moves by chance, and a small change is no news either way. A trend is worded only when
/// both windows have enough events (deployments for frequency, lead time, change failure rate and rework; restored
/// incidents for time to restore) and the change is large enough (relative for rates per day and durations, in
/// percentage points for shares). Values exactly at a floor are worded.
/// </summary>
public static class TrendFloor
{
    /// <summary>Deployments each window needs before its frequency, lead time, change failure rate or rework is compared in words.</summary>
    public const int MinDeployments = 5;

    /// <summary>Restored incidents each window needs before its time to restore is compared in words.</summary>
    public const int MinRestoredIncidents = 3;

    /// <summary>The smallest relative change of a rate per day or a duration worth a word (10 %).</summary>
    public const double MinRelativeChange = 0.10;

    /// <summary>The smallest change of a share (change failure rate, rework rate) worth a word: 2 percentage points.</summary>
    public const double MinShareChange = 0.02;

    // Shares and ratios computed in floating point land a hair below an exact floor (0.12 − 0.10 = 0.0199…).
    private const double Tolerance = 1e-9;

    /// <param name="restores">Whether the metric is a time to restore (counted in restored incidents, not deployments).</param>
    public static bool EnoughEvents(WindowMetrics current, WindowMetrics previous, bool restores)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return restores
            ? Math.Min(current.RestoredIncidents, previous.RestoredIncidents) >= MinRestoredIncidents
            : Math.Min(current.Deployments, previous.Deployments) >= MinDeployments;
    }

    /// <param name="share">Whether the values are shares (0 to 1), compared in percentage points.</param>
    public static bool LargeEnough(double current, double previous, bool share)
    {
        var change = Math.Abs(current - previous);
        if (share)
        {
            return change >= MinShareChange - Tolerance;
        }

        return previous == 0 ? change > 0 : change / Math.Abs(previous) >= MinRelativeChange - Tolerance;
    }
}
