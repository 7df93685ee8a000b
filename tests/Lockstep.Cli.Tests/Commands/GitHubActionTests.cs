using Lockstep.Cli.Commands;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.GitHub;
using Lockstep.GitHub.Tests;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>The action's entrypoint with the environment a GitHub runner gives its container, against a stand-in GitHub.</summary>
public sealed class GitHubActionTests : IDisposable
{
    private const string Token = "ghs_EntrypointTestToken0123456789";

    private readonly CliHarness cli = new();
    private readonly FakeGitHub github = new();

    public GitHubActionTests()
    {
        cli.WriteDemoInputs("fail");
        cli.Write("event.json", $$"""{ "action": "opened", "number": {{FakeGitHub.Number}}, "pull_request": { "number": {{FakeGitHub.Number}}, "created_at": "2026-11-20T10:05:00Z" } }""");
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["INPUT_CANDIDATE"] = "candidate.json",
            ["INPUT_BASELINE"] = "baseline.json",
            ["INPUT_GITHUB-TOKEN"] = Token,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = $"{FakeGitHub.Owner}/{FakeGitHub.Repo}",
            ["GITHUB_EVENT_PATH"] = "event.json",
            ["GITHUB_API_URL"] = github.ApiBase.ToString(),
            ["GITHUB_OUTPUT"] = Path.Combine(cli.Directory, "output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(cli.Directory, "summary"),
            ["RUNNER_TEMP"] = Path.Combine(cli.Directory, "runner-temp"),
        })
        {
            cli.Environment[name] = value;
        }

        Directory.CreateDirectory(cli.Environment["RUNNER_TEMP"]);
    }

    [Fact]
    public void Gates_annotates_sets_outputs_and_keeps_one_sticky_comment()
    {
        var first = cli.Run("github-action");
        var second = cli.Run("github-action");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.StartsWith($"::add-mask::{Token}\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("::error file=lockstep.yml,line=7,title=Lockstep gate 'drift-rollback' failed (rollback)::", first.Out, StringComparison.Ordinal);
        Assert.Contains("comment created: ", first.Out, StringComparison.Ordinal);
        Assert.Contains("comment updated: ", second.Out, StringComparison.Ordinal);

        var comment = Assert.Single(github.Comments);
        Assert.Contains("### ❌ Lockstep gate: **fail** — roll back", comment.Body, StringComparison.Ordinal);
        var outputs = cli.Read("output");
        Assert.Contains("verdict=fail\n", outputs, StringComparison.Ordinal);
        Assert.Contains("comment-url=", outputs, StringComparison.Ordinal);
        Assert.Contains("Lockstep gate", cli.Read("summary"), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, first.Out.Replace($"::add-mask::{Token}", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void With_events_the_comment_carries_two_lane_DORA()
    {
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        cli.Environment["INPUT_EVENTS"] = "events.jsonl";

        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Delivery: DORA metrics for code and model", Assert.Single(github.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_that_cannot_be_posted_warns_and_keeps_the_verdict()
    {
        github.Fail("POST", 403, body: """{ "message": "Resource not accessible by integration" }""");
        cli.WriteDemoInputs("pass");

        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("::warning title=Lockstep could not update the PR comment::", run.Out, StringComparison.Ordinal);
        Assert.Contains("verdict=pass\n", cli.Read("output"), StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_mode_off_posts_nothing()
    {
        cli.Environment["INPUT_COMMENT-MODE"] = "off";

        cli.Run("github-action");

        Assert.Empty(github.Requests);
    }

    [Fact]
    public void A_bad_input_is_one_line_and_exit_2()
    {
        cli.Environment["INPUT_FAIL-ON"] = "sometimes";

        var run = cli.Run("github-action");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: action inputs: fail-on: expected fail, warn or never, got 'sometimes'\n", run.Error);
    }

    [Theory]
    [InlineData(Verdict.Fail, FailOn.Fail, 1)]
    [InlineData(Verdict.Fail, FailOn.Never, 0)]
    [InlineData(Verdict.Warn, FailOn.Fail, 0)]
    [InlineData(Verdict.Warn, FailOn.Warn, 1)]
    [InlineData(Verdict.Error, FailOn.Never, 2)]
    [InlineData(Verdict.Pass, FailOn.Warn, 0)]
    public void Fail_on_decides_the_exit_code_but_an_undecided_gate_always_fails(Verdict verdict, FailOn failOn, int exitCode) =>
        Assert.Equal(exitCode, PullRequestSteps.ExitCode(ExitCodes.For(verdict), verdict, failOn));

    public void Dispose()
    {
        github.Dispose();
        cli.Dispose();
    }
}
