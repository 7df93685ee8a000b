using Lockstep.Core;

namespace Lockstep.Cli.Io;

/// <summary>The history folder given with <c>--history</c>: resolved against the working directory, never a file.</summary>
public static class HistoryFolder
{
    public static string Resolve(string path, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var full = context.Resolve(path);
        return File.Exists(full)
            ? throw new InputException(path, null, null, "is a file, expected a history folder")
            : full;
    }

    /// <summary>A path in the history as printed: relative to the working directory when it is below it.</summary>
    public static string Display(string fullPath, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var relative = Path.GetRelativePath(context.WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
