using Lockstep.Cli.Commands;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;

namespace Lockstep.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("pass", 0, "verdict: pass")]
    [InlineData("warn", 0, "verdict: warn")]
    [InlineData("fail", 1, "verdict: fail")]
    public void Each_scenario_shows_its_outcome_and_writes_the_report(string scenario, int exitCode, string verdict)
    {
        var run = cli.Run("demo", "--scenario", scenario);

        Assert.True(exitCode == run.ExitCode, run.ToString());
        Assert.Contains(verdict, run.Out, StringComparison.Ordinal);
        foreach (var file in new[] { "lockstep.yml", "baseline.json", "candidate.json", "result.json", "report.md", "events.jsonl", "pull_request.json", "dora.json", "pr-comment.md", "dashboard.html", "monitor.json", "monitor.md" })
        {
            Assert.True(cli.Exists(Path.Combine("lockstep-demo", file)), file);
        }
    }

    [Fact]
    public void The_noisy_scenario_is_inconclusive_on_the_small_set_with_a_row_estimate_and_pages_on_the_large_one()
    {
        var run = cli.Run("demo", "--scenario", "noisy", "--out-dir", "here");

        Assert.True(run.ExitCode == 1, run.ToString());
        var small = Assert.Single(GateResultJson.Parse(cli.Read("here/small-result.json"), "small-result.json").Gates);
        var large = Assert.Single(GateResultJson.Parse(cli.Read("here/large-result.json"), "large-result.json").Gates);
        Assert.Equal((GateStatus.Warn, true), (small.Status, small.Inconclusive));
        Assert.InRange(small.RelativeDelta!.Value, -0.04, -0.025);
        Assert.True(small.MoreRows > 0, small.Why);
        Assert.Contains("more labelled rows", small.Why, StringComparison.Ordinal);
        Assert.Contains($"what to do: Merge with care — inconclusive: about {small.MoreRows:N0} more labelled rows would settle it", run.Out, StringComparison.Ordinal);
        Assert.Equal((GateStatus.Fail, false), (large.Status, large.Inconclusive));
        Assert.InRange(large.RelativeDelta!.Value, -0.04, -0.025);
        Assert.True(large.DeltaInterval!.High < large.Delta!.Value / 2, "the large set's interval lies well below zero");
    }

    [Fact]
    public void The_noisy_scenarios_small_drop_fails_a_gate_on_point_values_and_its_command_lines_repeat_it()
    {
        var run = cli.Run("demo", "--scenario", "noisy", "--out-dir", "here");
        var lines = run.Out.Split('\n').Where(l => l.StartsWith("400 rows: lockstep ", StringComparison.Ordinal)).Select(l => l["400 rows: ".Length..].Split(' ')).ToList();
        cli.Write("point.yml", "version: 1\ngates:\n  - { id: auc-regression, metric: auc, max_regression: 1%, action: page }\n");

        var eval = cli.Run([.. lines[0].Skip(1).Select(word => word == "here/small-card.json" ? "again.json" : word)]);
        var confident = cli.Run([.. lines[1].Skip(1).Select(word => word == "here/small-card.json" ? "again.json" : word)]);
        var production = cli.Run(
            "eval", "--predictions", "here/small.csv", "--label", "churned", "--score", "p_production",
            "--model-name", "churn-classifier", "--model-version", "1.4.0", "--out", "production.json");
        var point = cli.Run("gate", "--policy", "point.yml", "--candidate", "again.json", "--baseline", "production.json");

        Assert.True(eval.ExitCode == 0 && production.ExitCode == 0, eval.ToString() + production);
        Assert.Equal(
            Lockstep.Core.Contracts.ReportCardReader.Parse(cli.Read("here/small-card.json"), "small-card.json").Metrics,
            Lockstep.Core.Contracts.ReportCardReader.Parse(cli.Read("again.json"), "again.json").Metrics);
        Assert.True(confident.ExitCode == 0, confident.ToString());
        Assert.Contains("inconclusive", confident.Out, StringComparison.Ordinal);
        Assert.True(point.ExitCode == 1, point.ToString());
        Assert.Contains("fail (page)", point.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_monitor_on_the_sample_serving_window_calls_for_a_rollback_and_its_command_line_repeats_it()
    {
        var run = cli.Run("demo", "--out-dir", "here");
        var line = run.Out.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("lockstep monitor ", StringComparison.Ordinal));
        var again = cli.Run([.. line.Split(' ').Skip(1).Select(word => word == "here/monitor.json" ? "again.json" : word)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var monitor = GateResultJson.Parse(cli.Read("here/monitor.json"), "monitor.json");
        Assert.Equal((Verdict.Fail, "drift-rollback"), (monitor.Verdict, monitor.Action!.Gate));
        Assert.Equal(GateStatus.Pass, monitor.Gates.Single(g => g.Id == "auc-regression").Status);
        Assert.Equal(GateStatus.Pass, monitor.Gates.Single(g => g.Id == "p99-latency").Status);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(
            monitor.Gates.Select(g => (g.Id, g.Status, g.Candidate)),
            GateResultJson.Parse(cli.Read("again.json"), "again.json").Gates.Select(g => (g.Id, g.Status, g.Candidate)));
    }

    [Fact]
    public void Fail_scenario_names_the_rollback()
    {
        var run = cli.Run("demo", "--scenario", "fail", "--out-dir", "here");

        Assert.Contains("what to do: Roll back — PSI > 0.25? Roll back. (gate drift-rollback)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Run it yourself: lockstep gate --policy here/lockstep.yml", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PR_comment_combines_the_gate_and_DORA_for_both_lanes_as_of_the_end_of_the_sample()
    {
        var run = cli.Run("demo", "--scenario", "warn", "--out-dir", "here");

        Assert.Contains("wrote here/dora.json\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("The pull request comment, gate and DORA for both lanes: here/pr-comment.md\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("lockstep report --gate here/result.json --dora here/dora.json --pr-event here/pull_request.json --as-of 2026-11-24T18:00:00Z", run.Out, StringComparison.Ordinal);
        var comment = cli.Read("here/pr-comment.md");
        Assert.StartsWith("<!-- lockstep:gate -->\n### ⚠️ Lockstep gate: **warn**", comment, StringComparison.Ordinal);
        Assert.Contains("**Lead time of PR #563** (model lane", comment, StringComparison.Ordinal);
        Assert.Contains("The 30 days to 2026-11-24 18:00 UTC (as of)", comment, StringComparison.Ordinal);
        Assert.Contains("gantt", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_is_recorded_into_a_history_and_drawn_as_the_dashboard_the_same_on_every_run()
    {
        var first = cli.Run("demo", "--scenario", "fail", "--out-dir", "here");
        var page = cli.Read("here/dashboard.html");

        Assert.Contains("recorded in here/history: 5 gate, 14 metric, 156 delivery facts added; 0 already there", first.Out, StringComparison.Ordinal);
        Assert.Contains("The dashboard, both lanes and the model's signals from the history: here/dashboard.html", first.Out, StringComparison.Ordinal);
        Assert.Contains("Latest gate run (2026-11-24 16:15, model 1.4.0): fail.", page, StringComparison.Ordinal);

        var second = cli.Run("demo", "--scenario", "fail", "--out-dir", "here");

        Assert.Contains("recorded in here/history: 0 gate, 0 metric, 0 delivery facts added; 175 already there", second.Out, StringComparison.Ordinal);
        Assert.Equal(page, cli.Read("here/dashboard.html"));
    }

    [Fact]
    public void The_sample_history_is_at_least_90_days_of_both_lanes_with_each_kind_of_event()
    {
        var events = EventsReader.Read(DemoCommand.Resource("events.jsonl").Split('\n'), "events.jsonl");
        var deployments = events.OfType<Deployment>().ToList();
        var incidents = events.OfType<Incident>().ToList();

        Assert.True((deployments.Max(d => d.FinishedAt) - deployments.Min(d => d.FinishedAt)).TotalDays >= 90);
        Assert.Contains(deployments, d => d.Lane == Lane.Model && d.Stages is not null);
        Assert.Contains(deployments, d => d.Status == DeploymentStatus.RolledBack);
        Assert.Contains(deployments, d => d.Unplanned);
        Assert.Contains(deployments, d => d.Pr is { Commits.Count: > 0 });
        Assert.Contains(incidents, i => i.DeploymentId is not null);
        Assert.Contains(incidents, i => i.DeploymentId is null);
        Assert.Contains(incidents, i => i.ResolvedAt is null);
    }

    [Fact]
    public void The_PR_comment_is_the_same_on_every_run()
    {
        cli.Run("demo", "--out-dir", "here");
        var first = cli.Read("here/pr-comment.md");

        cli.Run("demo", "--out-dir", "here");

        Assert.Equal(first, cli.Read("here/pr-comment.md"));
    }

    [Fact]
    public void Unknown_scenario_is_a_usage_error()
    {
        var run = cli.Run("demo", "--scenario", "maybe");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("maybe", run.Error, StringComparison.Ordinal);
        Assert.Contains("See 'lockstep demo --help'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_has_examples() =>
        Assert.Contains("Examples:\n    lockstep demo\n", cli.Run("demo", "--help").Out, StringComparison.Ordinal);

    public void Dispose() => cli.Dispose();
}
