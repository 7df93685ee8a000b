using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Pinning;

namespace Lockstep.Cli.Commands;

/// <summary>Checks every pinned file against the data lock: one line per file that is missing or differs.</summary>
public static class DataVerifyRun
{
    public static int Execute(string? lockOption, CliContext context)
    {
        var store = new DataLockStore(lockOption, context);
        if (!store.Exists)
        {
            throw new InputException(store.DisplayPath, null, null, "not found: pin the data first with `lockstep data pin <paths>`");
        }

        var lockFile = store.Read();
        var failures = 0;
        foreach (var (key, pin) in lockFile.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (Problem(key, pin, store, context) is { } problem)
            {
                context.Out.WriteLine(problem);
                failures++;
            }
        }

        var count = lockFile.Files.Count;
        var summary = failures == 0 ? "all match" : $"{failures} {(failures == 1 ? "does" : "do")} not match";
        context.Out.WriteLine($"verified {count} {(count == 1 ? "file" : "files")} against {store.DisplayPath}: {summary}");
        return failures == 0 ? ExitCodes.Pass : ExitCodes.DataMismatch;
    }

    private static string? Problem(string key, DataPin pin, DataLockStore store, CliContext context)
    {
        var fullPath = store.PathOf(key);
        if (!File.Exists(fullPath))
        {
            return DataPinCheck.Missing(key, pin);
        }

        try
        {
            var actual = HashProgressDisplay.Pin(key, fullPath, context);
            return DataPinCheck.Matches(pin, actual.Size, actual.Sha256) ? null : DataPinCheck.Mismatch(key, pin, actual.Size, actual.Sha256, store.Display(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{key}: cannot read: {e.Message}";
        }
    }
}
