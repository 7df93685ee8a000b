using Lockstep.Core.Pinning;

namespace Lockstep.Sdk;

/// <summary>Where this run's lockstep.yml and data.lock.json are (see <see cref="ProjectRoot"/>); either may not exist.</summary>
internal sealed record ProjectFiles(string? PolicyFile, string DataLockFile)
{
    public static ProjectFiles Locate(RunEnvironment environment)
    {
        static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
        var root = ProjectRoot.Find(environment.CurrentDirectory, Exists);
        var policy = root is null ? null : Path.Combine(root, ProjectRoot.PolicyFileName);
        var dataLock = ProjectRoot.DataLockPath(environment.CurrentDirectory, environment.Variable(ProjectRoot.DataLockVariable), Exists);
        return new ProjectFiles(policy is not null && File.Exists(policy) ? policy : null, dataLock);
    }
}
