namespace Lockstep.Sdk;

/// <summary>
/// A data file that is not what <c>data.lock.json</c> pins, is not pinned, or a lock that cannot be read. The message
/// is one line: the lock file, the data file, the expected and actual SHA-256, and the command that re-pins it.
/// </summary>
public sealed class DataLockException : Exception
{
    public DataLockException()
        : this("the data lock cannot be used")
    {
    }

    public DataLockException(string message)
        : base(message)
    {
    }

    public DataLockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DataLockException(string lockFile, string? key, string problem, string? expectedSha256 = null, string? actualSha256 = null, Exception? innerException = null)
        : base($"{lockFile}: {problem}", innerException)
    {
        LockFile = lockFile;
        Key = key;
        ExpectedSha256 = expectedSha256;
        ActualSha256 = actualSha256;
    }

    /// <summary>The lock file that was used.</summary>
    public string? LockFile { get; }

    /// <summary>The data file's path relative to the lock's directory, when known.</summary>
    public string? Key { get; }

    /// <summary>The SHA-256 the lock pins, when the file is pinned.</summary>
    public string? ExpectedSha256 { get; }

    /// <summary>The SHA-256 of the file as it is, when it was read.</summary>
    public string? ActualSha256 { get; }
}
