using System.Runtime.CompilerServices;

namespace Lockstep.Core.Time;

/// <summary>
/// The one reader of times for everything Lockstep reads: data columns, events, report cards, options and API
/// answers. It accepts the RFC 3339 profile of ISO 8601 and nothing that depends on a culture:
/// <list type="bullet">
/// <item><c>2026-11-26</c>: a date, midnight UTC;</item>
/// <item><c>2026-11-26T06:00</c>, <c>2026-11-26T06:00:00</c>, <c>2026-11-26T06:00:00.123</c> (1 to 9 fraction digits,
/// kept to the 100 ns tick): without an offset, UTC;</item>
/// <item>the same followed by <c>Z</c> or an offset <c>+01:00</c> / <c>-05:30</c> (at most ±14:00).</item>
/// </list>
/// The date and the time are separated by <c>T</c> or one space (as pandas and databases write them). Day-first or
/// month-first dates (<c>01/12/2026</c>), a time alone (<c>10:30</c>), names of months, week dates, ordinal dates,
/// basic formats without separators and surrounding spaces are refused. Hand-written rather than
/// <see cref="DateTimeOffset.TryParseExact(string, string[], IFormatProvider, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>
/// because events files hold millions of times and the same grammar must read UTF-8 bytes without allocating.
/// </summary>
public static class IsoTime
{
    /// <summary>What a time must look like, for error messages.</summary>
    public const string Expected = "an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC)";

    private const int MaxLength = 40;

    /// <summary>The problem with a text that <see cref="TryParse(ReadOnlySpan{char}, out DateTimeOffset)"/> refused.</summary>
    public static string Problem(ReadOnlySpan<char> text) =>
        text.Length > 60 ? $"expected {Expected}, got '{text[..57]}...'" : $"expected {Expected}, got '{text}'";

    /// <summary>Parses a time; without an offset it is UTC.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length is < 10 or > MaxLength)
        {
            return false;
        }

        var position = 0;
        if (!Number(text, ref position, 4, out var year) || !Literal(text, ref position, '-')
            || !Number(text, ref position, 2, out var month) || !Literal(text, ref position, '-')
            || !Number(text, ref position, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day).Ticks;
        var offset = TimeSpan.Zero;
        if (position < text.Length)
        {
            if (text[position] is not ('T' or 't' or ' '))
            {
                return false;
            }

            position++;
            if (!Time(text, ref position, out var timeTicks) || !Offset(text, ref position, out offset) || position != text.Length)
            {
                return false;
            }

            ticks += timeTicks;
        }

        var utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    /// <summary>Parses a time written in UTF-8 (an events line, a JSON string), by the same rules.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.Length > MaxLength)
        {
            return false;
        }

        Span<char> text = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] > 0x7F)
            {
                return false;
            }

            text[i] = (char)utf8[i];
        }

        return TryParse(text, out value);
    }

    /// <summary>Parses an option's or answer's time, or throws <see cref="FormatException"/> with <see cref="Problem"/>.</summary>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException(Problem(text));

    private static bool Time(ReadOnlySpan<char> text, ref int position, out long ticks)
    {
        ticks = 0;
        if (!Number(text, ref position, 2, out var hour) || !Literal(text, ref position, ':') || !Number(text, ref position, 2, out var minute)
            || hour > 23 || minute > 59)
        {
            return false;
        }

        ticks = (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
        if (position == text.Length || text[position] != ':')
        {
            return true;
        }

        position++;
        if (!Number(text, ref position, 2, out var second) || second > 59)
        {
            return false;
        }

        ticks += second * TimeSpan.TicksPerSecond;
        if (position == text.Length || text[position] != '.')
        {
            return true;
        }

        position++;
        var digits = 0;
        long fraction = 0;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            if (digits < 7)
            {
                fraction = (fraction * 10) + (text[position] - '0');
            }

            digits++;
            position++;
        }

        if (digits is 0 or > 9)
        {
            return false;
        }

        for (var i = digits; i < 7; i++)
        {
            fraction *= 10;
        }

        ticks += fraction;
        return true;
    }

    private static bool Offset(ReadOnlySpan<char> text, ref int position, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (position == text.Length)
        {
            return true;
        }

        if (text[position] is 'Z' or 'z')
        {
            position++;
            return true;
        }

        if (text[position] is not ('+' or '-'))
        {
            return false;
        }

        var sign = text[position] == '-' ? -1 : 1;
        position++;
        if (!Number(text, ref position, 2, out var hours) || !Literal(text, ref position, ':') || !Number(text, ref position, 2, out var minutes)
            || minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(sign * hours, sign * minutes, 0);
        return true;
    }

    private static bool Number(ReadOnlySpan<char> text, ref int position, int digits, out int value)
    {
        value = 0;
        if (position + digits > text.Length)
        {
            return false;
        }

        for (var i = 0; i < digits; i++)
        {
            var c = text[position + i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        position += digits;
        return true;
    }

    private static bool Literal(ReadOnlySpan<char> text, ref int position, char expected)
    {
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }
}
