using Lockstep.Cli.Commands;
using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private const string AsOf = "2026-11-24T18:00:00Z";

    private static readonly string[] Full = ["report", "--gate", "result.json", "--dora", "dora.json", "--pr-event", "event.json", "--as-of", AsOf];

    private readonly CliHarness cli = new();

    public ReportCommandTests()
    {
        cli.WriteDemoInputs("fail");
        cli.Run("gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--baseline", "baseline.json", "--out", "result.json");
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        cli.Run("dora", "--events", "events.jsonl", "--as-of", AsOf, "--json", "dora.json");
        cli.Write("event.json", DemoCommand.Resource("pull_request.json"));
    }

    [Fact]
    public void Prints_the_gate_report_the_PR_the_DORA_table_the_charts_and_the_events()
    {
        var run = cli.Run(Full);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("<!-- lockstep:gate -->\n### ❌ Lockstep gate: **fail** — roll back\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("- `drift-rollback` (lockstep.yml line 7): ", run.Out, StringComparison.Ordinal);

        // Opened 2026-11-20 10:05, 103.9 h before the as-of time.
        Assert.Contains(
            "**Lead time of PR #563** (model lane, counted from the PR opened: its commit times are not known): if deployed now: 4.3 d; lane median 3.8 d, P95 4.8 d;",
            run.Out,
            StringComparison.Ordinal);
        Assert.Contains("| Deploys/day | 1.43 · ↑ 0.13 better · elite | 0.17 · ↑ 0.03 · high |", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, run.Out.Split("```mermaid").Length - 1);
        Assert.Contains("<details><summary>Events behind these numbers</summary>", run.Out, StringComparison.Ordinal);
        Assert.Contains("**Unattributed incidents** (1): `INC-2077`", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void With_the_PR_s_commits_the_lead_time_starts_at_the_first_commit()
    {
        cli.Write("commits.json", """[{ "sha": "a", "commit": { "author": { "date": "2026-11-18T18:00:00Z" }, "committer": { "date": "2026-11-18T18:00:00Z" } } }]""");

        var run = cli.Run([.. Full, "--pr-commits", "commits.json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("**Lead time of PR #563** (model lane, counted from the first commit): if deployed now: 6.0 d;", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Commits_without_times_and_no_PR_event_cannot_start_the_clock()
    {
        cli.Write("commits.json", """[{ "sha": "a" }]""");

        var run = cli.Run("report", "--gate", "result.json", "--pr-commits", "commits.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: commits.json: no commit has a time", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_file_and_says_where()
    {
        var printed = cli.Run(Full).Out;

        var run = cli.Run([.. Full, "--out", "out/pr-comment.md"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("wrote out/pr-comment.md\n", run.Out);
        Assert.Equal(printed, cli.Read("out/pr-comment.md"));
        Assert.Empty(Directory.GetFiles(Path.Combine(cli.Directory, "out"), "*.tmp"));
    }

    [Fact]
    public void Lane_code_places_the_PR_among_code_lead_times()
    {
        var run = cli.Run([.. Full, "--lane", "code"]);

        Assert.Contains("**Lead time of PR #563** (code lane, counted from the PR opened", run.Out, StringComparison.Ordinal);
        Assert.Contains("lane median 22.6 h", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_has_no_Mermaid_and_no_HTML_details()
    {
        var run = cli.Run([.. Full, "--plain"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("```mermaid", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", run.Out, StringComparison.Ordinal);
        Assert.Contains("#### Events behind these numbers", run.Out, StringComparison.Ordinal);
        Assert.Contains("better", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_gate_result_alone_it_is_the_gate_report()
    {
        var result = GateResultJson.Parse(cli.Read("result.json"), "result.json");

        var run = cli.Run("report", "--gate", "result.json");

        Assert.Equal(MarkdownReport.Render(result, "lockstep.yml"), run.Out);
    }

    [Fact]
    public void Reasons_name_the_policy_from_the_git_root_not_the_absolute_path_the_gate_was_given()
    {
        Directory.CreateDirectory(Path.Combine(cli.Directory, ".git"));
        cli.Write("models/lockstep.yml", DemoCommand.Resource("lockstep.yml"));
        cli.Run("gate", "--policy", Path.Combine(cli.Directory, "models", "lockstep.yml"), "--candidate", "candidate.json", "--baseline", "baseline.json", "--out", "result.json");

        var run = cli.Run("report", "--gate", "result.json", "--dora", "dora.json", "--plain");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("- `drift-rollback` (models/lockstep.yml line 7): ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain($"{cli.Directory}/models/lockstep.yml line", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inputs_table_names_every_input_from_the_git_root_too()
    {
        Directory.CreateDirectory(Path.Combine(cli.Directory, ".git"));
        cli.Write("models/lockstep.yml", DemoCommand.Resource("lockstep.yml"));
        cli.Run("gate", "--policy", Path.Combine(cli.Directory, "models", "lockstep.yml"), "--candidate", Path.Combine(cli.Directory, "candidate.json"), "--baseline", "baseline.json", "--out", "result.json");

        var run = cli.Run("report", "--gate", "result.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("| policy | `models/lockstep.yml` |", run.Out, StringComparison.Ordinal);
        Assert.Contains("| candidate | `candidate.json` |", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Directory, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_url_links_the_dashboard_from_the_folded_delivery_section()
    {
        var run = cli.Run([.. Full, "--dashboard-url", "https://octo-org.github.io/model-repo/"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("</summary>\n\nDashboard: <https://octo-org.github.io/model-repo/>\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void On_GitHub_Actions_the_reasons_link_to_the_PR_head_s_blob()
    {
        cli.Environment["GITHUB_ACTIONS"] = "true";
        cli.Environment["GITHUB_WORKSPACE"] = cli.Directory;
        cli.Environment["GITHUB_REPOSITORY"] = "octo-org/model-repo";
        cli.Environment["GITHUB_SHA"] = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
        var head = System.Text.Json.Nodes.JsonNode.Parse(cli.Read("event.json"))!["pull_request"]!["head"]!["sha"]!.GetValue<string>();

        var run = cli.Run(Full);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"([lockstep.yml line 7](https://github.com/octo-org/model-repo/blob/{head}/lockstep.yml#L7))", run.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "", ["report", "--gate", "nope.json"], "error: nope.json: file not found\n" },
        { "dora.json=>{ \"schema\": \"lockstep.dora/v1\",\n", ["report", "--gate", "result.json", "--dora", "dora.json"], "error: dora.json:2: $: invalid JSON: Expected start of a property name or value, but instead reached end of data\n" },
        { "dora.json=>{ \"schema\": \"lockstep.drift/v1\" }", ["report", "--gate", "result.json", "--dora", "dora.json"], "error: dora.json: is a drift report (lockstep.drift/v1), expected a DORA report (lockstep.dora/v1)" },
        { "push.json=>{ \"ref\": \"refs/heads/main\", \"commits\": [] }", ["report", "--gate", "result.json", "--pr-event", "push.json"], "error: push.json: $.pull_request: missing: expected a pull_request event payload (opened, synchronize, reopened …)\n" },
        { "event.json=>{ \"pull_request\": { \"number\": 4 } }", ["report", "--gate", "result.json", "--pr-event", "event.json"], "error: event.json: $.pull_request.created_at: expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC)\n" },
        { "", ["report", "--gate", "result.json", "--lane", "data"], "error: Argument 'data' not recognized." },
        { "", ["report", "--gate", "result.json", "--dashboard-url", "site/index.html"], "error: --dashboard-url: expected an absolute http or https address, got 'site/index.html'\n" },
        { "", ["report", "--gate", "result.json", "--as-of", "soon"], "error: --as-of: expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'soon'\n" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_line_and_exit_code_2(string file, string[] args, string expected)
    {
        if (file.Length > 0)
        {
            var parts = file.Split("=>", 2);
            cli.Write(parts[0], parts[1]);
        }

        var run = cli.Run([.. args, "--out", "report.md"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
        Assert.False(cli.Exists("report.md"));
    }

    [Fact]
    public void Help_documents_every_option_with_an_example()
    {
        var run = cli.Run("report", "--help");

        foreach (var option in new[] { "--gate", "--dora", "--pr-event", "--lane", "--as-of", "--plain", "--dashboard-url", "--out" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Examples:\n    lockstep report --gate result.json --dora dora.json", run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();
}
