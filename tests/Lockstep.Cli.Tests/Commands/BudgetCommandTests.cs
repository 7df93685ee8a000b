using Lockstep.Core.History;
using Lockstep.Core.Slo;
using Lockstep.History;

namespace Lockstep.Cli.Tests.Commands;

public sealed class BudgetCommandTests : IDisposable
{
    private const string AsOf = "2026-11-29T00:00:00Z";

    private const string Policy = """
        version: 1
        slos:
          - id: serving-availability
            family: software
            objective: 99.5%
            window_days: 28
            budgeting: occurrences
            sli: { source: file, path: slis/availability.csv }
          - id: model-auc
            family: model
            objective: 90%
            window_days: 7
            budgeting: timeslices
            sli: { source: history, metric: auc, min: 0.85, slice: day }
        """;

    // The window (2026-11-01T00:00, 2026-11-29T00:00]: the first row is on its start, so outside it.
    private const string Availability = """
        timestamp,good,total
        2026-11-01T00:00:00Z,0,1000
        2026-11-10T12:00:00Z,9990,10000
        2026-11-20T12:00:00Z,19990,20000
        2026-11-28T23:40:00Z,1900,2000
        2026-11-28T23:58:00Z,85,100
        """;

    private readonly CliHarness cli = new();

    private async Task WriteInputsAsync()
    {
        cli.Write("config/lockstep.yml", Policy);
        cli.Write("config/slis/availability.csv", Availability);
        MetricRow Auc(string at, double value) => new(
            FactId.Of(at, value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new string('c', 64),
            new MetricFact(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), "report-card", "churn", "1", "auc", null, value));
        var facts = new[]
        {
            Auc("2026-11-21T12:00:00Z", 0.5),
            Auc("2026-11-23T12:00:00Z", 0.86),
            Auc("2026-11-24T12:00:00Z", 0.84),
            Auc("2026-11-25T12:00:00Z", 0.9),
            Auc("2026-11-27T10:00:00Z", 0.88),
            Auc("2026-11-27T12:00:00Z", 0.80),
            Auc("2026-11-28T20:00:00Z", 0.87),
        };
        await HistoryWriter.WriteAsync(Path.Combine(cli.Directory, "history"), new HistoryBatch([], facts, []), CancellationToken.None);
    }

    [Fact]
    public async Task Measures_both_families_from_a_file_and_the_history()
    {
        await WriteInputsAsync();

        var run = cli.Run("budget", "--policy", "config/lockstep.yml", "--history", "history", "--as-of", AsOf, "--json", "budget.json", "--markdown", "budget.md");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = BudgetReportJson.Parse(cli.Read("budget.json"), "budget.json");
        var availability = report.Slos.Single(s => s.Id == "serving-availability");
        // good = 9990 + 19990 + 1900 + 85 = 31965 of 32100: SLI 0.995794393, consumed (135 / 32100) / 0.005 = 0.841121495.
        Assert.Equal((31965, 32100), (availability.Good, availability.Total));
        Assert.Equal(0.158878505, availability.Remaining!.Value, 9);
        Assert.Equal(25.5, availability.RemainingBad, 9);
        // 30m, 1h, 6h: 115 bad of 2100 = 0.0547619 / 0.005 = 10.952381; 5m: 15 of 100 = 0.15 / 0.005 = 30.
        Assert.Equal(10.952381, availability.BurnRates["6h"]!.Value, 6);
        Assert.Equal(30, availability.BurnRates["5m"]!.Value, 9);
        Assert.Equal([false, true, true], availability.Alerts.Select(a => a.Holds));

        var auc = report.Slos.Single(s => s.Id == "model-auc");
        // Days 22 to 28: 23 good, 24 bad, 25 good, 26 empty (not counted), 27 bad (0.80), 28 good: 3 of 5 = 0.6.
        Assert.Equal((7L, 5L, 3.0, 5.0), (auc.SlicesInWindow!.Value, auc.SlicesWithData!.Value, auc.Good, auc.Total));
        // consumed = 0.4 / 0.1 = 4, remaining = −3; allowed 0.5 bad days − 2 = −1.5 days = −129600 s.
        Assert.Equal(-3, auc.Remaining!.Value, 9);
        Assert.Equal(-129600, auc.RemainingSeconds!.Value, 6);
        // 3d (26T00:00, 29T00:00]: 0.88, 0.80, 0.87: 1 bad of 3 = 0.3333 / 0.1 = 3.3333; 1h has no fact.
        Assert.Equal(3.333333, auc.BurnRates["3d"]!.Value, 6);
        Assert.Null(auc.BurnRates["1h"]);
        Assert.Equal(-3, report.Metrics["budget.model-auc.remaining"], 9);
        Assert.False(report.Metrics.ContainsKey("budget.model-auc.burn_rate.1h"));

        var markdown = cli.Read("budget.md");
        Assert.Contains("| software | serving-availability | 99.5% | 28d events | 99.579% | 84.112% | 15.888% | 25.5 events | 10.95× | 10.95× | 10.95× | page (6h & 30m ≥ 6×), ticket (3d & 6h ≥ 1×) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| model | model-auc | 90% | 7d 1d slices | 60% | 400% | -300% | -36 h | — | 0× | 3.33× | — (some windows without data) |", markdown, StringComparison.Ordinal);
        Assert.Contains("- software: 1 of 1 SLO within budget", markdown, StringComparison.Ordinal);
        Assert.Contains("- model: 0 of 1 SLO within budget", markdown, StringComparison.Ordinal);
        Assert.Contains("serving-availability", run.Out, StringComparison.Ordinal);
        Assert.Contains("wrote budget.json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenSlo_documents_give_the_same_budgets_as_the_policy()
    {
        await WriteInputsAsync();
        cli.Write("config/slos.openslo.yaml", """
            apiVersion: openslo/v1
            kind: SLO
            metadata: { name: serving-availability }
            spec:
              indicator:
                spec:
                  ratioMetric:
                    good: { metricSource: { type: lockstep-file, spec: { path: slis/availability.csv } } }
                    total: { metricSource: { type: lockstep-file, spec: { path: slis/availability.csv } } }
              timeWindow: [{ duration: 4w, isRolling: true }]
              budgetingMethod: Occurrences
              objectives: [{ targetPercent: 99.5 }]
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata: { name: model-auc, labels: { family: model } }
            spec:
              indicator:
                spec:
                  thresholdMetric: { metricSource: { type: lockstep-history, spec: { metric: auc } } }
              timeWindow: [{ duration: 7d, isRolling: true }]
              budgetingMethod: Timeslices
              objectives: [{ op: gte, value: 0.85, target: 0.9, timeSliceWindow: 1d }]
            """);
        cli.Run("budget", "--policy", "config/lockstep.yml", "--history", "history", "--as-of", AsOf, "--json", "policy.json");

        var run = cli.Run("budget", "--openslo", "config/slos.openslo.yaml", "--history", "history", "--as-of", AsOf, "--json", "openslo.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var fromPolicy = BudgetReportJson.Parse(cli.Read("policy.json"), "policy.json");
        var fromOpenSlo = BudgetReportJson.Parse(cli.Read("openslo.json"), "openslo.json");
        Assert.Equal(fromPolicy.Metrics, fromOpenSlo.Metrics);
        Assert.Equal(-3, fromOpenSlo.Metrics["budget.model-auc.remaining"], 9);

        var both = cli.Run("budget", "--policy", "config/lockstep.yml", "--openslo", "config/slos.openslo.yaml", "--history", "history", "--as-of", AsOf);
        Assert.Equal(2, both.ExitCode);
        Assert.Equal("error: config/slos.openslo.yaml:3: id: SLO id 'serving-availability' is also defined in config/lockstep.yml", both.Error.Trim());
    }

    [Fact]
    public void Without_policy_or_openslo_the_command_says_what_to_give()
    {
        var run = cli.Run("budget", "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give the SLOs with --policy <file> (its slos: list), --openslo <file>, or both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_history_slo_without_history_is_an_input_error()
    {
        await WriteInputsAsync();

        var run = cli.Run("budget", "--policy", "config/lockstep.yml", "--as-of", AsOf, "--json", "budget.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: config/lockstep.yml:9: slos[model-auc].sli.source: the history source reads a history folder: give --history <dir>", run.Error.Trim());
        Assert.False(cli.Exists("budget.json"));
    }

    [Fact]
    public async Task A_bad_count_names_the_file_and_line()
    {
        await WriteInputsAsync();
        cli.Write("config/slis/availability.csv", "timestamp,good,total\n2026-11-10T12:00:00Z,11,10\n");

        var run = cli.Run("budget", "--policy", "config/lockstep.yml", "--history", "history", "--as-of", AsOf, "--json", "budget.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: config/slis/availability.csv:2: column 'good': expected a count from 0 to total (10), got 11", run.Error.Trim());
        Assert.False(cli.Exists("budget.json"));
    }

    [Fact]
    public void A_policy_without_slos_is_an_input_error()
    {
        cli.Write("lockstep.yml", "version: 1\n");

        var run = cli.Run("budget", "--policy", "lockstep.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: lockstep.yml: slos: missing: `lockstep budget` needs a list of SLOs under `slos:`", run.Error.Trim());
    }

    [Fact]
    public async Task The_gate_blocks_when_the_model_budget_is_spent()
    {
        await WriteInputsAsync();
        cli.WriteDemoInputs("pass");
        cli.Write("gates.yml", """
            version: 1
            gates:
              - { id: auc, metric: auc, min: 0.5 }
              - id: model-budget
                metric: budget.model-auc.remaining
                min: 0
                action: block
                message: "Model-quality budget spent: freeze risky model deploys."
              - { id: serving-budget, metric: budget.serving-availability.remaining, min: 0, action: warn }
              - { id: fast-burn, metric: budget.serving-availability.burn_rate.1h, max: 14.4, action: page }
            """);
        cli.Run("budget", "--policy", "config/lockstep.yml", "--history", "history", "--as-of", AsOf, "--json", "budget.json");

        var run = cli.Run("gate", "--policy", "gates.yml", "--candidate", "candidate.json", "--budget", "budget.json", "--out", "result.json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = Lockstep.Core.Gates.GateResultJson.Parse(cli.Read("result.json"), "result.json");
        var outcomes = result.Gates.ToDictionary(g => g.Id, g => g.Status.ToString());
        // model-auc remaining −3 < 0 fails; serving remaining 0.1589 ≥ 0 and its 1h burn 10.95 ≤ 14.4 pass.
        Assert.Equal("Fail", outcomes["model-budget"]);
        Assert.Equal("Pass", outcomes["serving-budget"]);
        Assert.Equal("Pass", outcomes["fast-burn"]);
        Assert.Equal("model-budget", result.Action!.Gate);
        Assert.Contains(result.Inputs, i => i.Role == "budget" && i.Path == "budget.json");
    }

    [Fact]
    public async Task A_budget_without_data_cannot_pass_a_gate()
    {
        await WriteInputsAsync();
        cli.WriteDemoInputs("pass");
        cli.Write("gates.yml", "version: 1\ngates:\n  - { id: model-budget, metric: budget.model-auc.remaining, min: 0 }\n");
        // As of 2027 the 7-day window has no AUC fact: the report has no budget.model-auc.remaining.
        cli.Run("budget", "--policy", "config/lockstep.yml", "--history", "history", "--as-of", "2027-06-01T00:00:00Z", "--json", "budget.json");

        var run = cli.Run("gate", "--policy", "gates.yml", "--candidate", "candidate.json", "--budget", "budget.json");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("budget.model-auc.remaining", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_other_method_on_each_source_events_from_the_history_and_hours_from_a_file()
    {
        await WriteInputsAsync();
        cli.Write("swapped.yml", """
            version: 1
            slos:
              - { id: auc-events, family: model, objective: 90%, window_days: 7, budgeting: occurrences, sli: { source: history, metric: auc, min: 0.85 } }
              - { id: api-hours, family: software, objective: 90%, window_days: 1, budgeting: timeslices, slice: hour, threshold: 99%, sli: { source: file, path: hours.csv } }
            """);
        cli.Write("hours.csv", "timestamp,good,total\n2026-11-28T01:30:00Z,1000,1000\n2026-11-28T02:30:00Z,990,1000\n2026-11-28T03:30:00Z,980,1000\n");

        var run = cli.Run("budget", "--policy", "swapped.yml", "--history", "history", "--as-of", AsOf, "--json", "budget.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = BudgetReportJson.Parse(cli.Read("budget.json"), "budget.json");

        // Each fact is one event, window (22T00:00, 29T00:00]: 0.86, 0.84, 0.9, 0.88, 0.80, 0.87 → 4 good of 6; consumed
        // (2/6) / 0.1 = 3.333, remaining −2.333; allowed 0.1 × 6 = 0.6 bad events, so 0.6 − 2 = −1.4 left.
        var events = report.Slos.Single(s => s.Id == "auc-events");
        Assert.Equal((4.0, 6.0), (events.Good, events.Total));
        Assert.Equal(1 - (2.0 / 6 / 0.1), events.Remaining!.Value, 9);
        Assert.Equal(-1.4, events.RemainingBad, 9);

        // Hours of 28 Nov: 01 (100 %) and 02 (99 %) meet the 99 % threshold, 03 (98 %) does not; the other 21 hours have no
        // data and do not count: SLI 2/3, consumed (1/3) / 0.1 = 3.333; allowed 0.3 bad hours − 1 = −0.7 h = −2520 s.
        var hours = report.Slos.Single(s => s.Id == "api-hours");
        Assert.Equal((24L, 3L, 2.0, 3.0), (hours.SlicesInWindow!.Value, hours.SlicesWithData!.Value, hours.Good, hours.Total));
        Assert.Equal(1 - (1.0 / 3 / 0.1), hours.Remaining!.Value, 9);
        Assert.Equal(-2520, hours.RemainingSeconds!.Value, 6);
    }

    public void Dispose() => cli.Dispose();
}
