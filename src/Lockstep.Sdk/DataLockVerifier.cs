using System.Collections.Concurrent;
using Lockstep.Core;
using Lockstep.Core.Pinning;

namespace Lockstep.Sdk;

/// <summary>A data file as the lock sees it: its key (path relative to the lock), its full path, and its pin if it has one.</summary>
internal sealed record PinnedPath(string? Key, string FullPath, DataPin? Pin);

/// <summary>
/// Checks data files against one data lock. The lock is read once; each file is hashed once per process, the first
/// time it is asked for, and remembered only when it matches.
/// </summary>
internal sealed class DataLockVerifier
{
    private readonly string lockFile;
    private readonly string lockDirectory;
    private readonly string currentDirectory;
    private readonly Lazy<DataLockFile?> content;
    private readonly ConcurrentDictionary<string, string> verified = new(StringComparer.Ordinal);

    public DataLockVerifier(string lockFile, string currentDirectory)
    {
        this.lockFile = lockFile;
        lockDirectory = Path.GetDirectoryName(lockFile)!;
        this.currentDirectory = currentDirectory;
        content = new Lazy<DataLockFile?>(Read);
    }

    /// <summary>Verifies the file against its pin and returns its full path.</summary>
    /// <exception cref="DataLockException">No lock, a lock that cannot be read, an unpinned file, a missing or changed file.</exception>
    public string Verify(string path)
    {
        var lockContent = content.Value ?? throw new DataLockException(
            lockFile, null, $"not found: pin the data with `lockstep data pin <path>` at the repository root, or set {ProjectRoot.DataLockVariable}");
        var target = Find(lockContent, path);
        if (target.Pin is not { } pin)
        {
            throw new DataLockException(lockFile, target.Key, target.Key is null
                ? $"{path}: outside {lockDirectory}, where the lock's paths start; only files under it can be pinned"
                : DataPinCheck.Unpinned(target.Key, DataLockFile.FileName));
        }

        if (verified.TryGetValue(target.Key!, out var fullPath))
        {
            return fullPath;
        }

        if (!File.Exists(target.FullPath))
        {
            throw new DataLockException(lockFile, target.Key, DataPinCheck.Missing(target.Key!, pin), pin.Sha256);
        }

        var size = new FileInfo(target.FullPath).Length;
        var sha256 = FileSha256.Of(target.FullPath);
        if (!DataPinCheck.Matches(pin, size, sha256))
        {
            throw new DataLockException(lockFile, target.Key, DataPinCheck.Mismatch(target.Key!, pin, size, sha256), pin.Sha256, sha256);
        }

        return verified.GetOrAdd(target.Key!, target.FullPath);
    }

    /// <summary>Where the file is and its pin, without reading the file; no pin when there is no lock.</summary>
    public PinnedPath Locate(string path) => content.Value is { } lockContent
        ? Find(lockContent, path)
        : new PinnedPath(DataLockPaths.KeyFor(lockDirectory, Path.GetFullPath(path, currentDirectory)), Path.GetFullPath(path, currentDirectory), null);

    /// <summary>
    /// A relative path is looked up first relative to the lock's directory (as the analyzers and <c>lockstep data pin</c>
    /// write it), then relative to the working directory; an absolute path as it is.
    /// </summary>
    private PinnedPath Find(DataLockFile lockContent, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        PinnedPath? first = null;
        foreach (var basePath in new[] { lockDirectory, currentDirectory })
        {
            var fullPath = Path.GetFullPath(path, basePath);
            var key = DataLockPaths.KeyFor(lockDirectory, fullPath);
            if (key is not null && lockContent.Files.TryGetValue(key, out var pin))
            {
                return new PinnedPath(key, fullPath, pin);
            }

            first ??= new PinnedPath(key, fullPath, null);
        }

        return first!;
    }

    private DataLockFile? Read()
    {
        string json;
        try
        {
            if (!File.Exists(lockFile))
            {
                return null;
            }

            json = File.ReadAllText(lockFile);
        }
        catch (IOException e)
        {
            throw new DataLockException(lockFile, null, $"cannot be read: {e.Message}", innerException: e);
        }

        try
        {
            return DataLockJson.Parse(json, lockFile);
        }
        catch (InputException e)
        {
            throw new DataLockException(e.Message, e);
        }
    }
}
