namespace Lockstep.Sdk;

/// <summary>
/// Data files pinned by content in <c>data.lock.json</c> (next to lockstep.yml at the repository root, or where
/// <c>LOCKSTEP_DATA_LOCK</c> points), so that a training run reads exactly the data its commit names.
/// </summary>
public static class DataLock
{
    /// <summary>
    /// Verifies the file's size and SHA-256 against its pin and returns its full path. A relative path is taken
    /// relative to the lock's directory, then to the working directory. Each file is hashed once per process.
    /// </summary>
    /// <exception cref="DataLockException">The lock is missing or invalid, the file is not pinned, missing, or differs from its pin.</exception>
    public static string Path(string path) => RunContext.Process.Data.Verify(path);
}
