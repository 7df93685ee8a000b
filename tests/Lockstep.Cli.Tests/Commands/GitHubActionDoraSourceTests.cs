using Lockstep.GitHub.Tests.Deliveries;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>The action with <c>dora-source: github</c>: the report's DORA section comes from the repository's GitHub history.</summary>
public sealed class GitHubActionDoraSourceTests : IDisposable
{
    private readonly CliHarness cli = new();
    private readonly FakeRepository repository = new();
    private readonly FakeDeliveryHistory github;

    public GitHubActionDoraSourceTests()
    {
        github = new FakeDeliveryHistory(repository);
        var now = DateTimeOffset.UtcNow;
        var c1 = repository.Commit(now.AddDays(-4));
        repository.Deploy(c1.Sha, "production", now.AddDays(-4).AddHours(2), ("success", 5));
        repository.Deploy(c1.Sha, "model-production", now.AddDays(-3), ("success", 20));
        cli.WriteDemoInputs("pass");
        cli.Write("lockstep.yml", cli.Read("lockstep.yml") + "\ndora:\n  lanes:\n    code:\n      environments: [production]\n    model:\n      environments: [model-production]\n");
        cli.ActAsGitHubRunner($"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}", github.ApiBase, new Dictionary<string, string>
        {
            ["candidate"] = "candidate.json",
            ["baseline"] = "baseline.json",
            ["github-token"] = "ghs_ActionDoraSourceToken0123456789",
            ["dora-source"] = "github",
            ["comment-mode"] = "off",
            ["check-run"] = "off",
        });
    }

    [Fact]
    public void The_report_carries_DORA_read_from_GitHub_and_the_events_and_cache_are_kept_in_the_workspace()
    {
        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Delivery: DORA metrics for code and model", cli.Read(".lockstep/reports/lockstep.md"), StringComparison.Ordinal);
        Assert.Contains("lockstep-events.jsonl: 2 deployments, 0 incidents since ", run.Out, StringComparison.Ordinal);
        Assert.True(cli.Exists(".lockstep/reports/lockstep-events.jsonl"));
        Assert.Contains("GitHub: ", run.Error, StringComparison.Ordinal);
        Assert.True(cli.Exists(".lockstep/cache/github.json"));
    }

    [Fact]
    public void GitHub_failing_is_a_warning_and_the_verdict_stands()
    {
        github.Fail("/deployments", 403, """{"message":"Resource not accessible by integration"}""");

        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("::warning title=Lockstep could not read DORA events from GitHub::", run.Out, StringComparison.Ordinal);
        Assert.Contains("verdict=pass\n", cli.Read("output"), StringComparison.Ordinal);
        Assert.DoesNotContain("Delivery: DORA metrics", cli.Read(".lockstep/reports/lockstep.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_and_dora_source_github_together_are_a_bad_input()
    {
        cli.Environment["INPUT_EVENTS"] = "events.jsonl";

        var run = cli.Run("github-action");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: action inputs: dora-source: github reads the events from GitHub: leave out the events input, or dora-source\n", run.Error);
    }

    public void Dispose()
    {
        github.Dispose();
        cli.Dispose();
    }
}
