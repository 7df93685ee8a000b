using System.CommandLine;
using System.CommandLine.Parsing;
using Lockstep.Core.Policy;

namespace Lockstep.Cli;

/// <summary>The usage errors of a parse, worded for a person: a mistyped command or option names the one meant.</summary>
public static class UsageErrors
{
    public static IEnumerable<string> Describe(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        foreach (var error in parseResult.Errors)
        {
            var unknown = parseResult.UnmatchedTokens.FirstOrDefault(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal));

            // "Required command was not provided" only repeats what the unknown word already says.
            if (unknown is null && parseResult.UnmatchedTokens.Count > 0 && error.SymbolResult is CommandResult { Command: { Action: null, Subcommands.Count: > 0 } })
            {
                continue;
            }

            yield return unknown is not null && Nearest(command, unknown) is { } meant
                ? $"{error.Message.TrimEnd('.')} (did you mean '{meant}'?)"
                : error.Message;
        }
    }

    /// <summary>The subcommand, or for a word starting with '-' the option, closest to what was typed.</summary>
    private static string? Nearest(Command command, string typed) => typed.StartsWith('-')
        ? Suggestions.Closest(typed, command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)))
        : Suggestions.Closest(typed, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
}
