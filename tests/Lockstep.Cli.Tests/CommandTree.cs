using System.CommandLine;

namespace Lockstep.Cli.Tests;

/// <summary>Every command of <c>lockstep</c>, with the words that run it, read from the root command itself.</summary>
public static class CommandTree
{
    public static RootCommand Root() => LockstepCommand.Create(() => throw new InvalidOperationException("not invoked"));

    /// <summary>Each command below the root with its path (<c>["data", "pin"]</c>).</summary>
    public static IEnumerable<(string[] Path, Command Command)> Commands() => Below(Root(), []);

    private static IEnumerable<(string[] Path, Command Command)> Below(Command command, string[] path) =>
        command.Subcommands.SelectMany(sub => Below(sub, [.. path, sub.Name]).Prepend(([.. path, sub.Name], sub)));
}
