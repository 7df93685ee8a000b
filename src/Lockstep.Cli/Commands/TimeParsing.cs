using System.CommandLine.Parsing;
using System.Globalization;

namespace Lockstep.Cli.Commands;

/// <summary>Parses an ISO 8601 time option; a time without an offset is UTC.</summary>
public static class TimeParsing
{
    public static DateTimeOffset? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        result.AddError($"{(result.Parent is OptionResult option ? option.Option.Name : "the option")} expects an ISO 8601 time such as 2026-11-26T06:00:00Z, got '{text}'");
        return null;
    }
}
