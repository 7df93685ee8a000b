using System.Globalization;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The x axis of a per-day chart: up to 31 days one point per day, longer windows one point per week (the whole weeks
/// that end on the window's last day; a partial week would read as a quiet one). Points are labelled with their last
/// day of the month, and the months go in the chart's title.
/// </summary>
internal sealed class ChartDays
{
    /// <summary>The most days drawn one by one: 31 labels of at most two digits fit the 700-unit xychart (checked in Chromium).</summary>
    public const int MaxDaily = 31;

    private ChartDays(int size, IReadOnlyList<IReadOnlyList<int>> points, DateOnly first, DateOnly last)
    {
        Size = size;
        Points = points;
        First = first;
        Last = last;
    }

    /// <summary>Days per point: 1 or 7.</summary>
    public int Size { get; }

    /// <summary>Each point's indexes into the window's days, oldest first.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Points { get; }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public string Unit => Size == 1 ? "day" : "week";

    public static ChartDays Of(IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count <= MaxDaily)
        {
            return new ChartDays(1, [.. Enumerable.Range(0, days.Count).Select(i => (IReadOnlyList<int>)[i])], days.Count > 0 ? days[0] : default, days.Count > 0 ? days[^1] : default);
        }

        var weeks = days.Count / 7;
        var start = days.Count - (weeks * 7);
        var points = Enumerable.Range(0, weeks).Select(w => (IReadOnlyList<int>)[.. Enumerable.Range(start + (w * 7), 7)]).ToList();
        return new ChartDays(7, points, days[start], days[^1]);
    }

    /// <summary>The x-axis labels: each point's last day of the month, quoted.</summary>
    public string Labels(IReadOnlyList<DateOnly> days) =>
        string.Join(", ", Points.Select(p => "\"" + days[p[^1]].Day.ToString(CultureInfo.InvariantCulture) + "\""));

    /// <summary>The span in the title, e.g. <c>Oct 28 – Nov 24</c> or <c>Nov 18 – 24</c>.</summary>
    public string Span() =>
        First.Month == Last.Month && First.Year == Last.Year
            ? First.ToString("MMM d", CultureInfo.InvariantCulture) + " – " + Last.Day.ToString(CultureInfo.InvariantCulture)
            : First.ToString("MMM d", CultureInfo.InvariantCulture) + " – " + Last.ToString("MMM d", CultureInfo.InvariantCulture);
}
