using Lockstep.Core.Pinning;

namespace Lockstep.Core.Tests.Pinning;

public class ProjectRootTests
{
    private static readonly string Repo = Path.Combine(Path.GetTempPath(), "repo");
    private static readonly string Deep = Path.Combine(Repo, "src", "Train", "bin");

    [Fact]
    public void The_nearest_directory_with_a_policy_wins()
    {
        string[] existing = [Path.Combine(Repo, ".git"), Path.Combine(Repo, "src", "lockstep.yml")];

        Assert.Equal(Path.Combine(Repo, "src"), ProjectRoot.Find(Deep, existing.Contains));
    }

    [Fact]
    public void A_data_lock_marks_the_root_too()
    {
        string[] existing = [Path.Combine(Repo, ".git"), Path.Combine(Repo, "src", "Train", "data.lock.json")];

        Assert.Equal(Path.Combine(Repo, "src", "Train"), ProjectRoot.Find(Deep, existing.Contains));
    }

    [Fact]
    public void The_search_stops_at_the_git_root()
    {
        string[] existing = [Path.Combine(Repo, ".git"), Path.Combine(Path.GetTempPath(), "lockstep.yml")];

        Assert.Equal(Repo, ProjectRoot.Find(Deep, existing.Contains));
    }

    [Fact]
    public void Outside_a_repository_without_either_file_there_is_no_root()
    {
        Assert.Null(ProjectRoot.Find(Deep, _ => false));
    }

    [Fact]
    public void The_data_lock_is_the_configured_one_else_in_the_root_else_in_the_working_directory()
    {
        string[] existing = [Path.Combine(Repo, ".git")];

        Assert.Equal(Path.Combine(Deep, "locks", "a.json"), ProjectRoot.DataLockPath(Deep, "locks/a.json", existing.Contains));
        Assert.Equal(Path.Combine(Repo, "data.lock.json"), ProjectRoot.DataLockPath(Deep, null, existing.Contains));
        Assert.Equal(Path.Combine(Deep, "data.lock.json"), ProjectRoot.DataLockPath(Deep, null, _ => false));
    }
}
