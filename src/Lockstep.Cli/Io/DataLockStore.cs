using Lockstep.Core;
using Lockstep.Core.Pinning;

namespace Lockstep.Cli.Io;

/// <summary>The data lock a command works on: where it is (see <see cref="ProjectRoot.DataLockPath"/>), reading and writing it.</summary>
public sealed class DataLockStore
{
    private readonly CliContext context;

    public DataLockStore(string? lockOption, CliContext context)
    {
        this.context = context;
        var configured = lockOption ?? (context.Variable(ProjectRoot.DataLockVariable) is { Length: > 0 } variable ? variable : null);
        FullPath = ProjectRoot.DataLockPath(context.WorkingDirectory, configured, path => File.Exists(path) || Directory.Exists(path));
        LockDirectory = Path.GetDirectoryName(FullPath)!;
        var relative = Path.GetRelativePath(context.WorkingDirectory, FullPath);
        DisplayPath = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? FullPath : relative;
    }

    public string FullPath { get; }

    /// <summary>The directory the lock's paths are relative to.</summary>
    public string LockDirectory { get; }

    /// <summary>The lock's path as messages show it: relative to the working directory when inside it.</summary>
    public string DisplayPath { get; }

    public bool Exists => File.Exists(FullPath);

    /// <exception cref="InputException">The lock cannot be read or breaks its contract.</exception>
    public DataLockFile Read()
    {
        var file = InputFile.Read(DisplayPath, context);
        return DataLockJson.Parse(file.Text, file.DisplayPath);
    }

    public void Write(DataLockFile lockFile) => AtomicFiles.WriteAll([(FullPath, DataLockJson.Serialize(lockFile))], context);

    /// <summary>The full path of a pinned file.</summary>
    public string PathOf(string key) => Path.Combine(LockDirectory, key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A pinned file's path as typed in the working directory, for the command that re-pins it.</summary>
    public string Display(string key)
    {
        var relative = Path.GetRelativePath(context.WorkingDirectory, PathOf(key));
        return relative.StartsWith("..", StringComparison.Ordinal) ? key : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
