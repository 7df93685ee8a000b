namespace Lockstep.Core.Pinning;

/// <summary>
/// The paths a data lock pins files under: relative to the lock's directory, with forward slashes, without
/// empty, <c>.</c> or <c>..</c> segments, so the same file has one key on every operating system.
/// </summary>
public static class DataLockPaths
{
    /// <summary>Why <paramref name="key"/> cannot be a key of a data lock, or null when it can.</summary>
    public static string? Problem(string key)
    {
        if (key.Length == 0)
        {
            return "the path is empty";
        }

        if (key.Contains('\\', StringComparison.Ordinal) || key.Contains(':', StringComparison.Ordinal))
        {
            return "use a relative path with forward slashes, without a drive or '\\'";
        }

        return key.Split('/').Any(segment => segment is "" or "." or "..")
            ? "use a relative path inside the lock's directory, without empty, '.' or '..' segments and without a leading '/'"
            : null;
    }

    /// <summary>
    /// The key of the file at <paramref name="fullPath"/> in a lock kept in <paramref name="lockDirectory"/> (both full
    /// paths), or null when the file is not inside that directory. Pure string work: the file system is not read.
    /// </summary>
    public static string? KeyFor(string lockDirectory, string fullPath)
    {
        var relative = Path.GetRelativePath(lockDirectory, fullPath);
        if (relative == "." || Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        var key = Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
        return Problem(key) is null ? key : null;
    }
}
