using Lockstep.Cli.Commands;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.GitHub;
using Lockstep.GitHub.Tests;
using Lockstep.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>The action's entrypoint with the environment a GitHub runner gives its container, against a stand-in GitHub.</summary>
public sealed class GitHubActionTests : IDisposable
{
    private const string Token = "ghs_EntrypointTestToken0123456789";
    private const string HeadSha = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    private const string MergeSha = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

    private readonly CliHarness cli = new();
    private readonly FakeGitHub github = new();

    public GitHubActionTests()
    {
        cli.WriteDemoInputs("fail");
        cli.Write("event.json", $$"""
            { "action": "opened", "number": {{FakeGitHub.Number}},
              "pull_request": { "number": {{FakeGitHub.Number}}, "created_at": "2026-11-20T10:05:00Z",
                "head": { "ref": "retrain", "sha": "{{HeadSha}}" }, "base": { "ref": "main", "sha": "{{MergeSha}}" } } }
            """);
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["INPUT_CANDIDATE"] = "candidate.json",
            ["INPUT_BASELINE"] = "baseline.json",
            ["INPUT_GITHUB-TOKEN"] = Token,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = $"{FakeGitHub.Owner}/{FakeGitHub.Repo}",
            ["GITHUB_EVENT_PATH"] = "event.json",
            ["GITHUB_WORKSPACE"] = cli.Directory,
            ["GITHUB_SHA"] = MergeSha,
            ["GITHUB_SERVER_URL"] = "https://github.example.com",
            ["GITHUB_RUN_ID"] = "9001",
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
    public void Gates_publishes_a_check_run_sets_outputs_and_keeps_one_sticky_comment()
    {
        var first = cli.Run("github-action");
        var second = cli.Run("github-action");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.StartsWith($"::add-mask::{Token}\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("comment created: ", first.Out, StringComparison.Ordinal);
        Assert.Contains($"check run created: {FakeGitHub.CheckRunUrl(4_000_000)}", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", first.Out, StringComparison.Ordinal);

        var check = github.CheckRuns[0];
        Assert.Equal(("Lockstep gate", HeadSha, "failure"), (check.Name, check.HeadSha, check.Conclusion));
        Assert.StartsWith("fail: ", check.Title, StringComparison.Ordinal);
        Assert.Contains("Lockstep gate: **fail**", check.Summary, StringComparison.Ordinal);
        var annotation = check.Annotations.First(a => a["title"]!.GetValue<string>() == "Lockstep gate 'drift-rollback' failed (rollback)");
        Assert.Equal(("lockstep.yml", 7), (annotation["path"]!.GetValue<string>(), annotation["start_line"]!.GetValue<int>()));
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
        WithDemoEvents();

        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Delivery: DORA metrics for code and model", Assert.Single(github.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_url_is_linked_from_the_delivery_section()
    {
        WithDemoEvents();
        cli.Environment["INPUT_DASHBOARD-URL"] = "https://octo-org.github.io/model-repo/";

        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("</summary>\n\nDashboard: <https://octo-org.github.io/model-repo/>\n", Assert.Single(github.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_url_that_is_no_web_address_is_an_input_error()
    {
        cli.Environment["INPUT_DASHBOARD-URL"] = "site/index.html";

        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: action inputs: dashboard-url: expected an absolute http or https address, got 'site/index.html'\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_reason_links_to_its_policy_line_at_the_PR_head(bool withEvents)
    {
        if (withEvents)
        {
            WithDemoEvents();
        }

        var run = cli.Run("github-action");

        Assert.True(run.ExitCode == 1, run.ToString());
        var body = Assert.Single(github.Comments).Body;
        Assert.Contains($"- `drift-rollback` ([lockstep.yml line 7](https://github.example.com/{FakeGitHub.Owner}/{FakeGitHub.Repo}/blob/{HeadSha}/lockstep.yml#L7)): ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Directory, body, StringComparison.Ordinal);
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
    public void Comment_mode_and_check_run_off_post_nothing_and_annotate_in_the_log()
    {
        cli.Environment["INPUT_COMMENT-MODE"] = "off";
        cli.Environment["INPUT_CHECK-RUN"] = "off";

        var run = cli.Run("github-action");

        Assert.Empty(github.Requests);
        Assert.Contains("::error file=lockstep.yml,line=7,title=Lockstep gate 'drift-rollback' failed (rollback)::", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_checks_write_the_annotations_go_to_the_log_and_the_verdict_stands()
    {
        github.FailCheckRuns(403, """{ "message": "Resource not accessible by integration" }""");

        var run = cli.Run("github-action");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error file=lockstep.yml,line=7,title=Lockstep gate 'drift-rollback' failed (rollback)::", run.Out, StringComparison.Ordinal);
        Assert.Contains("note: Lockstep check run 'Lockstep gate' not created on octo-org/model-repo@1a2b3c4: GitHub answered 403", run.Out, StringComparison.Ordinal);
        Assert.Contains("give the job `permissions: checks: write`", run.Out, StringComparison.Ordinal);
        Assert.Empty(github.CheckRuns);
    }

    [Fact]
    public void In_a_working_directory_annotations_name_the_file_from_the_repository_root()
    {
        Directory.CreateDirectory(Path.Combine(cli.Directory, "models", "churn"));
        foreach (var file in new[] { "lockstep.yml", "baseline.json", "candidate.json" })
        {
            File.Move(Path.Combine(cli.Directory, file), Path.Combine(cli.Directory, "models", "churn", file));
        }

        cli.Environment["INPUT_WORKING-DIRECTORY"] = "models/churn";
        cli.Environment["INPUT_CHECK-RUN"] = "off";
        cli.Environment["GITHUB_EVENT_PATH"] = Path.Combine(cli.Directory, "event.json");

        var run = cli.Run("github-action");

        Assert.Contains("::error file=models/churn/lockstep.yml,line=7,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_run_for_another_report_id_is_named_after_it()
    {
        cli.Environment["INPUT_REPORT-ID"] = "nightly";
        cli.Environment["INPUT_FAIL-ON"] = "never";

        var run = cli.Run("github-action");

        Assert.Equal(0, run.ExitCode);
        var check = Assert.Single(github.CheckRuns);
        Assert.Equal(("Lockstep gate (nightly)", "neutral"), (check.Name, check.Conclusion));
    }

    [Theory]
    [InlineData(Verdict.Pass, FailOn.Fail, CheckRunConclusion.Success)]
    [InlineData(Verdict.Warn, FailOn.Fail, CheckRunConclusion.Neutral)]
    [InlineData(Verdict.Warn, FailOn.Warn, CheckRunConclusion.Failure)]
    [InlineData(Verdict.Fail, FailOn.Fail, CheckRunConclusion.Failure)]
    [InlineData(Verdict.Fail, FailOn.Never, CheckRunConclusion.Neutral)]
    [InlineData(Verdict.Error, FailOn.Never, CheckRunConclusion.Failure)]
    public void The_check_run_conclusion_agrees_with_the_step_result(Verdict verdict, FailOn failOn, CheckRunConclusion conclusion) =>
        Assert.Equal(conclusion, GitHubActionCheck.Conclusion(verdict, failOn));

    [Theory]
    [InlineData("INPUT_FAIL-ON", "sometimes", "action inputs: fail-on: expected fail, warn or never, got 'sometimes'")]
    [InlineData("INPUT_REPORT-ID", "my report", "action inputs: report-id: expected 1 to 64 letters, digits, '.', '_' or '-', got 'my report'")]
    [InlineData("INPUT_CANDIDATE", "missing.json", "missing.json: file not found")]
    [InlineData("INPUT_POLICY", "bad.yml", "bad.yml:4:5: ")]
    public void A_bad_input_is_one_line_and_exit_2_and_still_sets_verdict_error_and_says_why_in_the_summary(string name, string value, string problem)
    {
        cli.Write("bad.yml", "version: 1\ngates:\n  - id: auc-floor\n    metrc: auc\n    min: 0.8\n");
        cli.Environment[name] = value;

        var run = cli.Run("github-action");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {problem}", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"::add-mask::{Token}\n", run.Out, StringComparison.Ordinal);
        Assert.Equal("verdict=error\n", cli.Read("output"));
        Assert.StartsWith($"<!-- lockstep:gate -->\n### ⛔ Lockstep gate: **error**\n\n**Lockstep could not run:** {problem}", cli.Read("summary"), StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public void Help_lists_every_input_of_action_yml_with_its_description_and_an_example()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Repository.Read("action.yml")));
        var inputs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("inputs")];

        var help = cli.Run("github-action", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Example (what the action's container runs; the runner sets the variables):\n    INPUT_CANDIDATE=candidate.json", help.Out, StringComparison.Ordinal);
        var section = help.Out[help.Out.IndexOf("Inputs (action.yml", StringComparison.Ordinal)..];
        var words = string.Join(' ', section.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ActionInputs.Names.Count, inputs.Children.Count);
        foreach (var (key, node) in inputs.Children)
        {
            var description = ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode("description")]).Value!.Trim();
            Assert.Contains($" {((YamlScalarNode)key).Value} {description}", words.Replace(" Required. ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains(" candidate Required. The candidate", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Inputs (action.yml", cli.Run("gate", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_events_the_job_summary_has_the_DORA_section()
    {
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        cli.Environment["INPUT_EVENTS"] = "events.jsonl";

        cli.Run("github-action");

        var summary = cli.Read("summary");
        Assert.StartsWith("<!-- lockstep:gate -->\n### ❌ Lockstep gate: **fail**", summary, StringComparison.Ordinal);
        Assert.Contains("Delivery: DORA metrics for code and model", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fail", 1)]
    [InlineData("never", 0)]
    public void Comment_mode_failures_comments_only_when_the_step_fails_by_fail_on(string failOn, int comments)
    {
        cli.Environment["INPUT_COMMENT-MODE"] = "failures";
        cli.Environment["INPUT_FAIL-ON"] = failOn;

        var run = cli.Run("github-action");

        Assert.Contains("verdict=fail\n", cli.Read("output"), StringComparison.Ordinal);
        Assert.Equal(comments, github.Comments.Count);
        Assert.Contains(comments == 1 ? "comment created: " : "comment skipped\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Verdict.Fail, FailOn.Fail, 1)]
    [InlineData(Verdict.Fail, FailOn.Never, 0)]
    [InlineData(Verdict.Warn, FailOn.Fail, 0)]
    [InlineData(Verdict.Warn, FailOn.Warn, 1)]
    [InlineData(Verdict.Error, FailOn.Never, 2)]
    [InlineData(Verdict.Pass, FailOn.Warn, 0)]
    public void Fail_on_decides_the_exit_code_but_an_undecided_gate_always_fails(Verdict verdict, FailOn failOn, int exitCode) =>
        Assert.Equal(exitCode, ExitCodes.For(verdict, failOn));

    private void WithDemoEvents()
    {
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        cli.Environment["INPUT_EVENTS"] = "events.jsonl";
    }

    public void Dispose()
    {
        github.Dispose();
        cli.Dispose();
    }
}
