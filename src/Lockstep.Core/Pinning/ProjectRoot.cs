namespace Lockstep.Core.Pinning;

/// <summary>
/// Where a repository's Lockstep files live: the nearest directory, from the working directory up to the git root,
/// that holds <c>lockstep.yml</c> or <c>data.lock.json</c>, else the git root. The file system is asked through
/// <c>exists</c>, so the rule is the same for the Sdk and the Cli and testable without files.
/// </summary>
public static class ProjectRoot
{
    public const string PolicyFileName = "lockstep.yml";

    /// <summary>The variable that points at a data lock elsewhere; a relative path is taken from the working directory.</summary>
    public const string DataLockVariable = "LOCKSTEP_DATA_LOCK";

    /// <param name="start">A full directory path to start from.</param>
    /// <param name="exists">Whether a file or directory exists at a full path.</param>
    /// <returns>The directory, or null outside a git repository when no directory on the way holds either file.</returns>
    public static string? Find(string start, Func<string, bool> exists)
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (exists(Path.Combine(directory, PolicyFileName)) || exists(Path.Combine(directory, DataLockFile.FileName))
                || exists(Path.Combine(directory, ".git")))
            {
                return directory;
            }
        }

        return null;
    }

    /// <summary>
    /// The data lock to use: <paramref name="configured"/> (an option or <see cref="DataLockVariable"/>) when given,
    /// else <c>data.lock.json</c> in the project root found from <paramref name="workingDirectory"/>, else in the
    /// working directory itself. The file may not exist yet.
    /// </summary>
    public static string DataLockPath(string workingDirectory, string? configured, Func<string, bool> exists) =>
        configured is not null
            ? Path.GetFullPath(configured, workingDirectory)
            : Path.Combine(Find(workingDirectory, exists) ?? workingDirectory, DataLockFile.FileName);
}
