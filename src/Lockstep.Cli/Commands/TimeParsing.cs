using System.CommandLine.Parsing;
using System.Globalization;
using Lockstep.Core.Time;

namespace Lockstep.Cli.Commands;

/// <summary>Parses time options with <see cref="IsoTime"/> (without an offset, UTC), or for a start, a number of days before now.</summary>
public static class TimeParsing
{
    public static DateTimeOffset? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IsoTime.TryParse(text, out var time))
        {
            return time.ToUniversalTime();
        }

        result.AddError($"{OptionName(result)}: {IsoTime.Problem(text)}");
        return null;
    }

    /// <summary>A start time: a number of days before now (<c>90d</c>) or an ISO 8601 time.</summary>
    public static Since? ParseSince(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        if (text.EndsWith('d') && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3660)
        {
            return new Since(null, days);
        }

        if (IsoTime.TryParse(text, out var time))
        {
            return new Since(time.ToUniversalTime(), null);
        }

        result.AddError($"{OptionName(result)}: expected a number of days such as 90d or {IsoTime.Expected}, got '{text}'");
        return null;
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : "the option";
}

/// <summary>A start time given as a time, or as a number of days before the run.</summary>
public sealed record Since(DateTimeOffset? Time, int? Days)
{
    public DateTimeOffset From(DateTimeOffset now) => Time ?? now.AddDays(-Days!.Value);
}
