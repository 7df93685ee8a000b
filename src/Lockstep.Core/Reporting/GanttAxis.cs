namespace Lockstep.Core.Reporting;

/// <summary>
/// The time axis of the stage strip: a tick interval and a d3 time format chosen from the strip's length so that at
/// most <see cref="MostTicks"/> labels share a comment's width. Labels count from the strip's start: hours and
/// minutes while the strip fits in a day (an interval under 6 hours only happens then), then <c>day N</c> (day of the year of a start on 1 January, so day 1 is the first).
/// </summary>
internal sealed record GanttAxis(string TickInterval, string AxisFormat)
{
    /// <summary>Eight labels of up to twelve characters fit the 790-pixel body of a comment.</summary>
    public const int MostTicks = 8;

    private static readonly (double Hours, string Interval, string Format)[] Choices =
    [
        (0.25, "15minute", "%-H:%M"),
        (0.5, "30minute", "%-H:%M"),
        (1, "1hour", "%-H:%M"),
        (2, "2hour", "%-H:%M"),
        (3, "3hour", "%-H:%M"),
        (6, "6hour", "day %-j %H:%M"),
        (12, "12hour", "day %-j %H:%M"),
        (24, "1day", "day %-j"),
        (48, "2day", "day %-j"),
        (168, "1week", "day %-j"),
        (336, "2week", "day %-j"),
        (672, "4week", "day %-j"),
    ];

    public static GanttAxis For(double totalHours)
    {
        var choice = Choices.FirstOrDefault(c => totalHours / c.Hours <= MostTicks, Choices[^1]);
        return new GanttAxis(choice.Interval, choice.Format);
    }
}
