using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary>The <c>--history &lt;dir&gt;</c> option of the commands that read or write a history folder.</summary>
public static class HistoryOption
{
    public static Option<string?> Create(string description, bool required) =>
        new("--history") { Description = description, Required = required, HelpName = "dir" };
}
