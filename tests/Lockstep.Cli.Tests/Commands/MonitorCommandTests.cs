using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;

namespace Lockstep.Cli.Tests.Commands;

public sealed class MonitorCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 21, 0, 0, TimeSpan.Zero);

    private readonly CliHarness cli = new() { Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now) };

    public MonitorCommandTests()
    {
        cli.WriteDemoInputs();
        cli.Write("reference.csv", ServingWindows.Csv(seed: 1, rows: 4000, shift: 0, informative: true, newest: Now.AddHours(-30)));
        cli.Write("steady.csv", ServingWindows.Csv(seed: 2, rows: 2000, shift: 0, informative: true, newest: Now.AddHours(-2)));
        cli.Write("drifted.csv", ServingWindows.Csv(seed: 3, rows: 2000, shift: 1.2, informative: true, newest: Now.AddHours(-2)));
        cli.Write("degraded.csv", ServingWindows.Csv(seed: 4, rows: 2000, shift: 0, informative: false, newest: Now.AddHours(-2)));
    }

    [Fact]
    public void A_drifted_window_fails_the_rollback_gate_and_writes_every_report()
    {
        var run = Monitor("drifted.csv", "--out", "result.json", "--drift-out", "drift.json", "--card-out", "window.json", "--markdown", "report.md");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = GateResultJson.Parse(cli.Read("result.json"), "result.json");
        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal("drift-rollback", result.Action!.Gate);
        Assert.Equal(GateStatus.Pass, Status(result, "auc-regression"));
        var card = ReportCardReader.Parse(cli.Read("window.json"), "window.json");
        Assert.True(card.Metrics["drift.psi.max"] > 0.25);
        Assert.Equal(("churn-classifier", "serving"), (card.Model.Name, card.Datasets[1].Role));
        Assert.Equal(card.Metrics["drift.psi.max"], DriftPsiMax(cli.Read("drift.json")));
        Assert.Contains(result.Inputs, i => i.Role == "candidate" && i.Path == "window.json");
        Assert.Contains("what to do: Roll back", run.Out, StringComparison.Ordinal);

        // The features, label, score and timestamp come from one pass over the current file.
        Assert.Single(run.Error.Split('\n'), line => line.StartsWith("read drifted.csv:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_steady_window_passes_and_names_the_gates_it_cannot_decide()
    {
        var run = Monitor("steady.csv", "--out", "result.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = GateResultJson.Parse(cli.Read("result.json"), "result.json");
        Assert.DoesNotContain(result.Gates, g => g.Id == "p99-latency");
        Assert.Contains("not monitored (no latency measured): p99-latency", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_that_no_longer_follow_the_scores_fail_the_auc_regression_gate_against_the_production_card()
    {
        var run = Monitor("degraded.csv", "--out", "result.json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = GateResultJson.Parse(cli.Read("result.json"), "result.json");
        Assert.Equal(GateStatus.Fail, Status(result, "auc-regression"));
        Assert.Equal(GateStatus.Pass, Status(result, "drift-rollback"));
        Assert.Equal(Lockstep.Core.Policy.RunbookAction.Page, result.Action!.Kind);
    }

    [Fact]
    public void A_latency_column_brings_the_latency_gate_in()
    {
        var run = Monitor("steady.csv", "--latency", "latency_ms", "--out", "result.json");

        var result = GateResultJson.Parse(cli.Read("result.json"), "result.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(GateStatus.Pass, Status(result, "p99-latency"));
        Assert.DoesNotContain("not monitored", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Freshness_of_the_timestamp_column_is_measured_at_as_of_and_gated()
    {
        cli.Write("fresh.yml", """
            version: 1
            gates:
              - id: stale-features
                metric: freshness.max_hours
                max: 24
                action: page
            """);

        var fresh = cli.Run("monitor", "--policy", "fresh.yml", "--reference", "reference.csv", "--current", "steady.csv", "--timestamp", "event_time", "--out", "fresh.json");
        var stale = cli.Run("monitor", "--policy", "fresh.yml", "--reference", "reference.csv", "--current", "steady.csv", "--timestamp", "event_time", "--as-of", "2026-12-07T00:00:00Z", "--card-out", "card.json");

        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.True(stale.ExitCode == 1, stale.ToString());
        Assert.Equal(2 + 27, ReportCardReader.Parse(cli.Read("card.json"), "card.json").Metrics["freshness.event_time_hours"], 1e-9);
    }

    [Fact]
    public void Records_the_window_card_the_drift_report_and_the_gate_result_into_the_history()
    {
        var first = Monitor("drifted.csv", "--history", "history");
        var again = Monitor("drifted.csv", "--history", "history");

        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Matches(@"recorded in history: [1-9]\d* gate, [1-9]\d* metric, 0 delivery facts added; 0 already there", first.Out);
        Assert.Matches(@"recorded in history: 0 gate, 0 metric, 0 delivery facts added; [1-9]\d* already there", again.Out);
        var dashboard = cli.Run("dashboard", "--history", "history", "--out", "dashboard.html", "--as-of", "2026-12-06T00:00:00Z");
        Assert.True(dashboard.ExitCode == 0, dashboard.ToString());
        Assert.Contains("drift-rollback", cli.Read("dashboard.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_with_no_gate_on_what_the_run_measures_cannot_decide()
    {
        cli.Write("latency-only.yml", "version: 1\ngates:\n  - id: p99\n    metric: latency.p99_ms\n    max: 150\n");

        var run = cli.Run("monitor", "--policy", "latency-only.yml", "--reference", "reference.csv", "--current", "steady.csv", "--out", "result.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: latency-only.yml: gates: no gate is on a metric this run measures (drift); nothing to decide\n", run.Error);
        Assert.False(cli.Exists("result.json"));
    }

    [Fact]
    public void A_label_without_a_score_is_a_usage_error()
    {
        var run = cli.Run("monitor", "--reference", "reference.csv", "--current", "steady.csv", "--label", "churned");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--label needs --score", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_label_names_the_file_and_the_column()
    {
        cli.Write("unlabelled.csv", cli.Read("steady.csv").Replace(",true,", ",,", StringComparison.Ordinal));

        var run = Monitor("unlabelled.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: unlabelled.csv:", run.Error, StringComparison.Ordinal);
        Assert.Contains("churned", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Out_of_core_the_window_gets_the_in_memory_drift_and_verdict()
    {
        var memory = Monitor("drifted.csv", "--drift-out", "memory.json", "--out", "memory-result.json");
        var duckdb = Monitor("drifted.csv", "--engine", "duckdb", "--memory-limit", "256MB", "--drift-out", "duckdb.json", "--out", "duckdb-result.json");

        Assert.Equal((1, 1), (memory.ExitCode, duckdb.ExitCode));
        var (expected, actual) = (Lockstep.Core.Drift.DriftReportJson.Parse(cli.Read("memory.json"), "memory.json"), Lockstep.Core.Drift.DriftReportJson.Parse(cli.Read("duckdb.json"), "duckdb.json"));
        Assert.Equal(expected.Features.Select(f => f.Feature), actual.Features.Select(f => f.Feature));
        Assert.All(expected.Features.Zip(actual.Features), pair => Assert.Equal(pair.First.Psi, pair.Second.Psi, 1e-9));
        Assert.Equal(
            GateResultJson.Parse(cli.Read("memory-result.json"), "m").Gates.Select(g => (g.Id, g.Status)),
            GateResultJson.Parse(cli.Read("duckdb-result.json"), "d").Gates.Select(g => (g.Id, g.Status)));
    }

    [Fact]
    public void Labels_and_timestamps_are_read_from_a_file_not_from_a_database()
    {
        var run = cli.Run("monitor", "--reference-sql", "reference_rows", "--current-sql", "current_rows", "--connection", "warehouse.duckdb", "--timestamp", "event_time", "--out", "result.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --current-sql: --label, --score, --latency and --timestamp read their columns from a --current file", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("result.json"));
    }

    public void Dispose() => cli.Dispose();

    private CliRun Monitor(string current, params string[] more) =>
        cli.Run(["monitor", "--reference", "reference.csv", "--current", current, "--baseline", "baseline.json", "--label", "churned", "--score", "p_churn", "--timestamp", "event_time", .. more]);

    private static GateStatus Status(GateResult result, string id) => result.Gates.Single(g => g.Id == id).Status;

    private static double DriftPsiMax(string json) => Lockstep.Core.Drift.DriftReportJson.Parse(json, "drift.json").Metrics["drift.psi.max"];
}
