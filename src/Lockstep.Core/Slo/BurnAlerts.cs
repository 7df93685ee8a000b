namespace Lockstep.Core.Slo;

/// <summary>A lookback over which a burn rate is measured, named as in reports and gate metrics (<c>1h</c>).</summary>
public sealed record BurnWindow(string Name, TimeSpan Length);

/// <summary>
/// A multiwindow burn-rate alert of the SRE workbook: it holds when both windows burn at or above the factor.
/// </summary>
public sealed record BurnAlert(string Severity, BurnWindow LongWindow, BurnWindow ShortWindow, double Factor);

/// <summary>The SRE workbook's burn-rate windows and its three multiwindow alerts.</summary>
public static class BurnAlerts
{
    public static BurnWindow FiveMinutes { get; } = new("5m", TimeSpan.FromMinutes(5));

    public static BurnWindow ThirtyMinutes { get; } = new("30m", TimeSpan.FromMinutes(30));

    public static BurnWindow OneHour { get; } = new("1h", TimeSpan.FromHours(1));

    public static BurnWindow SixHours { get; } = new("6h", TimeSpan.FromHours(6));

    public static BurnWindow ThreeDays { get; } = new("3d", TimeSpan.FromDays(3));

    /// <summary>Every window a burn rate is reported for, shortest first.</summary>
    public static IReadOnlyList<BurnWindow> Windows { get; } = [FiveMinutes, ThirtyMinutes, OneHour, SixHours, ThreeDays];

    /// <summary>1 h &amp; 5 min at 14.4× (2 % of a 30-day budget in an hour) and 6 h &amp; 30 min at 6× page; 3 d &amp; 6 h at 1× opens a ticket.</summary>
    public static IReadOnlyList<BurnAlert> Pairs { get; } =
    [
        new("page", OneHour, FiveMinutes, 14.4),
        new("page", SixHours, ThirtyMinutes, 6),
        new("ticket", ThreeDays, SixHours, 1),
    ];
}
