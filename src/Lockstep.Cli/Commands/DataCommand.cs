using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep data</c>: pin data files by content in data.lock.json, and check them against it.</summary>
public static class DataCommand
{
    public static Option<string?> LockOption() => new("--lock")
    {
        Description = "The data lock to use (default: LOCKSTEP_DATA_LOCK, else data.lock.json next to lockstep.yml or at the git root).",
        HelpName = "file",
    };

    public static Command Create(Func<CliContext> context) => new("data", """
        Pin data files by content (SHA-256 and size) in data.lock.json, and verify them against it.
        Training code reads pinned files through DataLock.Path("…") of Lockstep.Sdk; see docs/sdk.md.

        Examples:
          lockstep data pin data/
          lockstep data verify
        """)
    {
        DataPinCommand.Create(context),
        DataVerifyCommand.Create(context),
    };
}

/// <summary><c>lockstep data pin</c>.</summary>
public static class DataPinCommand
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or directories to pin (directories: every file under them, except names starting with '.').",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string?> Lock = DataCommand.LockOption();

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("pin", """
            Pin files in data.lock.json: their SHA-256 and size, under their path relative to the lock's directory.
            Other pins are kept; pinning a directory drops the pins of files that no longer exist under it.
            The lock is written at once or not at all, with its paths sorted.

            Examples:
              lockstep data pin data/train.csv data/test.csv
              lockstep data pin data/
              lockstep data pin --lock ml/data.lock.json ml/data
            """)
        {
            Paths, Lock,
        };
        command.SetAction(parseResult => DataPinRun.Execute(parseResult.GetValue(Paths)!, parseResult.GetValue(Lock), context()));
        return command;
    }
}

/// <summary><c>lockstep data verify</c>.</summary>
public static class DataVerifyCommand
{
    public static readonly Option<string?> Lock = DataCommand.LockOption();

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("verify", """
            Check every file pinned in data.lock.json: exit 0 when all match, 1 when any is missing or differs
            (one line per file, with both digests and the command that re-pins it), 2 when the lock cannot be read.

            Examples:
              lockstep data verify
              lockstep data verify --lock ml/data.lock.json
            """)
        {
            Lock,
        };
        command.SetAction(parseResult => DataVerifyRun.Execute(parseResult.GetValue(Lock), context()));
        return command;
    }
}
