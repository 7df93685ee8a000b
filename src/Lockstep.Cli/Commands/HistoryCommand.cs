using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep history</c>: upkeep of a history folder (<c>compact</c>).</summary>
public static class HistoryCommand
{
    public static readonly Option<string?> History = HistoryOption.Create("The history folder to compact.", required: true);

    public static Command Create(Func<CliContext> context) => new("history", """
        Upkeep of a history folder written by lockstep record.

        Examples:
          lockstep history compact --history .lockstep/history
        """)
    {
        Compact(context),
    };

    private static Command Compact(Func<CliContext> context)
    {
        var command = new Command("compact", """
            Merge the files of each partition (kind and month) of a history folder into one, dropping facts recorded
            twice. The merged file is written under a temporary name and moved into place before exactly the files it
            merged are deleted: a recording running at the same time loses nothing. A damaged or foreign file stops it
            before anything changes.

            Examples:
              lockstep history compact --history .lockstep/history
            """)
        {
            History,
        };

        command.SetAction((parseResult, cancellationToken) =>
            HistoryCompactRun.ExecuteAsync(parseResult.GetValue(History)!, context(), cancellationToken));
        return command;
    }
}
