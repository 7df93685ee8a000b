using Lockstep.Core.Pinning;

namespace Lockstep.Sdk;

/// <summary>Where this run's lockstep.yml and data.lock.json are (see <see cref="ProjectRoot"/>); either may not exist.</summary>
internal sealed record ProjectFiles(string? PolicyFile, string DataLockFile)
{
    public const string DataLockVariable = "LOCKSTEP_DATA_LOCK";

    public static ProjectFiles Locate(RunEnvironment environment)
    {
        var root = ProjectRoot.Find(environment.CurrentDirectory, path => File.Exists(path) || Directory.Exists(path));
        var policy = root is null ? null : Path.Combine(root, ProjectRoot.PolicyFileName);
        var dataLock = environment.Variable(DataLockVariable) is { } configured
            ? Path.GetFullPath(configured, environment.CurrentDirectory)
            : Path.Combine(root ?? environment.CurrentDirectory, Core.Pinning.DataLockFile.FileName);
        return new ProjectFiles(policy is not null && File.Exists(policy) ? policy : null, dataLock);
    }
}
