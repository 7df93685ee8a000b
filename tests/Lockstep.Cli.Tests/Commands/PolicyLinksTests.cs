using Lockstep.Cli.Commands;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Tests.Commands;

public sealed class PolicyLinksTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("lockstep-links-").FullName;

    public PolicyLinksTests() => Directory.CreateDirectory(Path.Combine(root, "repo", "models", "churn"));

    private string Repo => Path.Combine(root, "repo");

    [Fact]
    public void On_GitHub_the_path_is_from_the_workspace_and_links_to_the_head_commit_s_blob()
    {
        var context = Context(Path.Combine(Repo, "models", "churn"), new()
        {
            ["GITHUB_WORKSPACE"] = Repo,
            ["GITHUB_REPOSITORY"] = "octo-org/model-repo",
            ["GITHUB_SERVER_URL"] = "https://github.example.com/",
            ["GITHUB_SHA"] = "f95f852b",
        });

        var link = PolicyLinks.GitHub(context, "lockstep.yml", "1a2b3c4d");

        Assert.Equal(new PolicyLink("models/churn/lockstep.yml", new Uri("https://github.example.com/octo-org/model-repo/blob/1a2b3c4d/")), link);
    }

    [Fact]
    public void On_GitHub_without_a_head_commit_the_workflow_s_commit_is_linked()
    {
        var context = Context(Repo, new() { ["GITHUB_WORKSPACE"] = Repo, ["GITHUB_REPOSITORY"] = "o/r", ["GITHUB_SHA"] = "f95f852b" });

        Assert.Equal(new Uri("https://github.com/o/r/blob/f95f852b/"), PolicyLinks.GitHub(context, "lockstep.yml", null).Tree);
    }

    [Fact]
    public void On_GitHub_a_policy_outside_the_workspace_is_named_by_its_file_name_without_a_link()
    {
        var context = Context(Repo, new() { ["GITHUB_WORKSPACE"] = Repo, ["GITHUB_REPOSITORY"] = "o/r", ["GITHUB_SHA"] = "f95f852b" });

        Assert.Equal(new PolicyLink("policy.yml"), PolicyLinks.GitHub(context, Path.Combine(root, "elsewhere", "policy.yml"), null));
    }

    [Fact]
    public void On_Azure_Pipelines_the_path_is_from_the_sources_directory()
    {
        var context = Context(Path.Combine(Repo, "models"), new() { ["BUILD_SOURCESDIRECTORY"] = Repo, ["TF_BUILD"] = "True" });

        Assert.Equal(new PolicyLink("models/churn/lockstep.yml"), PolicyLinks.AzureDevOps(context, "churn/lockstep.yml"));
        Assert.Equal(new PolicyLink("models/churn/lockstep.yml"), PolicyLinks.ForRun(context, "churn/lockstep.yml", "1a2b3c4d"));
    }

    [Fact]
    public void Locally_the_path_is_from_the_git_root_found_upward()
    {
        Directory.CreateDirectory(Path.Combine(Repo, ".git"));
        var context = Context(Path.Combine(Repo, "models", "churn"), []);

        Assert.Equal(new PolicyLink("models/churn/lockstep.yml"), PolicyLinks.Local(context, Path.Combine(Repo, "models", "churn", "lockstep.yml")));
        Assert.Equal(new PolicyLink("models/churn/lockstep.yml"), PolicyLinks.ForRun(context, "lockstep.yml", "1a2b3c4d"));
    }

    [Fact]
    public void Locally_outside_a_git_repository_the_path_is_from_the_working_directory()
    {
        var context = Context(Path.Combine(Repo, "models"), []);

        Assert.Equal(new PolicyLink("churn/lockstep.yml"), PolicyLinks.Local(context, Path.Combine(Repo, "models", "churn", "lockstep.yml")));
        Assert.Equal(new PolicyLink("lockstep.yml"), PolicyLinks.Local(context, Path.Combine(root, "lockstep.yml")));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static CliContext Context(string workingDirectory, Dictionary<string, string> environment) =>
        new(TextWriter.Null, TextWriter.Null, environment, workingDirectory, OutputIsTerminal: false);
}
