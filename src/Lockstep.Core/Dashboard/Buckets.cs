namespace Lockstep.Core.Dashboard;

/// <summary>How the charts group days: one day each, or whole weeks counted back from the span's last day.</summary>
/// <param name="First">The first day of the first bucket.</param>
/// <param name="Days">1 or 7.</param>
public sealed record Buckets(DateOnly First, int Days)
{
    /// <summary>The first day of the bucket <paramref name="day"/> falls in.</summary>
    public DateOnly Of(DateOnly day) => First.AddDays((day.DayNumber - First.DayNumber) / Days * Days);

    public string Name(DateOnly start) => Days == 1 ? DashboardFormat.Date(start) : "week of " + DashboardFormat.Date(start);
}
