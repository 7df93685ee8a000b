using System.Globalization;
using System.Xml;

namespace Lockstep.Core.Warehouse;

/// <summary>
/// A half-open UTC time window [start, end) as written on the command line: <c>start/end</c> (ISO 8601 instants or
/// dates, which are midnight UTC; an instant without an offset is UTC), or a duration ending now
/// (<c>P7D</c>, <c>PT6H</c>, <c>P1DT12H</c>: days, hours, minutes, seconds), for a scheduled run's latest window.
/// </summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <exception cref="FormatException">Neither form, a duration in months or years, or an empty window; the message says which.</exception>
    public static TimeWindow Parse(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith('P'))
        {
            var duration = Duration(trimmed);
            return new TimeWindow(now - duration, now);
        }

        var parts = trimmed.Split('/');
        if (parts.Length != 2)
        {
            throw new FormatException($"'{text}' is not a window; expected start/end (2026-11-01/2026-12-01) or a duration ending now (P7D)");
        }

        var (start, end) = (Instant(parts[0], text), Instant(parts[1], text));
        return end > start ? new TimeWindow(start, end) : throw new FormatException($"the window '{text}' ends at or before it starts");
    }

    private static TimeSpan Duration(string text)
    {
        // Months and years have no fixed length; XmlConvert would count them as 30 and 365 days.
        var datePart = text.Split('T')[0];
        TimeSpan duration;
        try
        {
            duration = datePart.Contains('Y', StringComparison.Ordinal) || datePart.Contains('M', StringComparison.Ordinal) || text.Contains('W', StringComparison.Ordinal)
                ? throw new FormatException()
                : XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"'{text}' is not a duration in days, hours, minutes or seconds (P7D, PT6H, P1DT12H)");
        }

        return duration > TimeSpan.Zero ? duration : throw new FormatException($"the duration '{text}' is not positive");
    }

    private static DateTimeOffset Instant(string text, string window) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FormatException($"'{text.Trim()}' in the window '{window}' is not an ISO 8601 date or instant");
}
