using System.Globalization;
using System.Text.RegularExpressions;
using Lockstep.Core.Dashboard;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.History;
using Lockstep.Core.Policy;
using Lockstep.Core.Tests.Dora;

namespace Lockstep.Core.Tests.Dashboard;

public partial class DashboardPageTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static DashboardInput Input(IReadOnlyList<MetricFact>? metrics = null, IReadOnlyList<GateFact>? gates = null, IReadOnlyList<DeliveryEvent>? events = null)
    {
        var history = events ?? DoraSamples.Events();
        return new DashboardInput(
            DoraSamples.AsOf,
            14,
            DoraCalculator.Calculate(history, DoraSamples.Settings, DoraSamples.AsOf),
            DeliveryTimeline.Calculate(history, DoraSamples.Settings, DoraSamples.AsOf, 14, 1),
            metrics ?? [],
            gates ?? [],
            "lockstep 1.0.0");
    }

    private static GateFact Gate(string run, int day, string version, string gate, string metric, double candidate, double? baseline, double limit, GateStatus status, RunbookAction action, Verdict verdict, string? bound = null) =>
        new(Day.AddDays(day), run, "churn", version, verdict, gate, metric, null, status, action, candidate, baseline, limit, bound ?? (baseline is null ? $"≤ {limit}" : $"regression ≤ 3% (≥ {limit})"));

    [Fact]
    public void The_DORA_table_carries_the_exact_numbers_of_the_report_for_both_lanes_and_windows()
    {
        var input = Input();
        var html = DashboardPage.Render(input);

        var cells = DoraCell().Matches(html).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var code = input.Dora.Lanes.Single(l => l.Lane == Lane.Code);
        Assert.Equal(code.Current.DeploysPerDay, cells["code.current.deploys_per_day"]);
        Assert.Equal(code.Current.LeadTimeMedianHours, cells["code.current.lead_time_median_hours"]);
        Assert.Equal(code.Previous.ChangeFailureRate, cells["code.previous.change_failure_rate"]);
        Assert.Equal(input.Dora.Lanes.Single(l => l.Lane == Lane.Model).Current.LeadTimeP95Hours, cells["model.current.lead_time_p95_hours"]);
        Assert.Equal(2 * 2 * 9, cells.Count + Regex.Count(html, "data-key=\"[a-z]+\\.(current|previous)\\.[a-z_0-9]+\">—<"));
    }

    [Fact]
    public void Drills_get_their_own_table_and_leave_the_DORA_table_as_it_was()
    {
        var drill = new Incident
        {
            Lane = Lane.Model, Id = "drill-1", OpenedAt = DoraSamples.AsOf.AddDays(-3), ResolvedAt = DoraSamples.AsOf.AddDays(-3).AddHours(4), Drill = DrillScenarios.TrainingCluster,
        };
        var without = DashboardPage.Render(Input());
        var with = DashboardPage.Render(Input(events: [.. DoraSamples.Events(), drill]));

        Assert.DoesNotContain("dr-drills-table", without, StringComparison.Ordinal);
        Assert.Contains("dr-drills-table", with, StringComparison.Ordinal);
        Assert.Contains(">training-cluster<", with, StringComparison.Ordinal);
        Assert.Equal(DoraCell().Matches(without).Select(m => m.Value), DoraCell().Matches(with).Select(m => m.Value));
    }

    [Fact]
    public void Each_chart_says_how_many_values_it_draws_and_draws_that_many()
    {
        var html = DashboardPage.Render(Input());

        foreach (Match figure in FigureBlock().Matches(html))
        {
            var drawn = Regex.Count(figure.Groups[3].Value, "<(rect|circle) class=\"(bar|point|segment|run) ");
            Assert.Equal(int.Parse(figure.Groups[2].Value, CultureInfo.InvariantCulture), drawn);
        }

        Assert.Equal("28", FigurePoints(html, "deploy-frequency"));
        Assert.Equal("3", FigurePoints(html, "time-to-restore"));
        Assert.Equal("9", FigurePoints(html, "stage-strip"));
    }

    [Fact]
    public void The_header_gives_each_lane_its_deployments_and_its_level_as_the_PR_comment_s_summary_does()
    {
        var input = Input();
        var html = DashboardPage.Render(input);

        var code = input.Dora.Lanes.Single(l => l.Lane == Lane.Code).Current;
        Assert.Contains($"Last 7 days: code {code.Deployments} deployments ({Core.Reporting.DeliverySummary.LaneLevel(code).ToString().ToLowerInvariant()})", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lane_with_the_longer_median_lead_time_is_named_as_the_wider_gap()
    {
        var html = DashboardPage.Render(Input());

        // Code median 14 h, model median 66 h (72 h and 60 h) over the last 7 days.
        Assert.Contains("The model lane is the wider gap: its changes take 2.8 d from commit to production against 14.0 h for code (4.7× as long)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PSI_per_feature_is_drawn_per_day_with_the_rollback_gate_as_its_line()
    {
        MetricFact Psi(int day, string feature, double value) => new(Day.AddDays(day), "drift", "churn", null, "drift.psi." + feature, null, value);
        var html = DashboardPage.Render(Input(
            metrics: [Psi(0, "age", 0.05), Psi(0, "income", 0.3), Psi(1, "age", 0.07), Psi(0, "max", 0.3)],
            gates: [Gate("r1", 0, "7", "drift-rollback", "drift.psi.max", 0.3, null, 0.25, GateStatus.Fail, RunbookAction.Rollback, Verdict.Fail)]));

        Assert.Equal("3", FigurePoints(html, "psi"));
        Assert.Contains("drift-rollback: rollback at 0.25", html, StringComparison.Ordinal);
        Assert.DoesNotContain("significant shift at 0.25", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_feature_PSI_the_largest_PSI_is_drawn_alone()
    {
        var html = DashboardPage.Render(Input(metrics: [new(Day, "report-card", "churn", "7", "drift.psi.max", null, 0.31), new(Day.AddDays(1), "report-card", "churn", "8", "drift.psi.max", null, 0.04)]));

        Assert.Equal("2", FigurePoints(html, "psi"));
        Assert.Contains("largest PSI of any feature", html, StringComparison.Ordinal);
        Assert.Contains("significant shift at 0.25", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gated_metric_is_drawn_per_model_version_with_its_newest_run_and_the_band_its_change_bound_allows()
    {
        var html = DashboardPage.Render(Input(gates:
        [
            Gate("r1", 0, "7", "auc-regression", "auc", 0.84, 0.86, 0.8342, GateStatus.Pass, RunbookAction.Page, Verdict.Pass),
            Gate("r2", 1, "8", "auc-regression", "auc", 0.80, 0.84, 0.8148, GateStatus.Fail, RunbookAction.Page, Verdict.Fail),
            Gate("r3", 2, "8", "auc-regression", "auc", 0.83, 0.84, 0.8148, GateStatus.Pass, RunbookAction.Page, Verdict.Pass),
        ]));

        Assert.Equal("4", FigurePoints(html, "metric-auc"));
        Assert.Equal(2, Regex.Count(html, "<rect class=\"band\""));
        Assert.Contains("data-value=\"0.83\"", html, StringComparison.Ordinal);
        Assert.Equal("3", FigurePoints(html, "gate-verdicts"));
    }

    [Fact]
    public void A_fixed_bound_is_a_line_even_when_the_run_had_a_baseline()
    {
        var html = DashboardPage.Render(Input(gates:
        [
            Gate("r1", 0, "7", "p99-latency", "latency.p99_ms", 121, 118, 150, GateStatus.Pass, RunbookAction.Block, Verdict.Pass, "≤ 150"),
            Gate("r2", 1, "8", "p99-latency", "latency.p99_ms", 164, 121, 150, GateStatus.Fail, RunbookAction.Block, Verdict.Fail, "≤ 150"),
        ]));

        Assert.Equal(0, Regex.Count(html, "<rect class=\"band\""));
        Assert.Contains("p99-latency: block at 150", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_the_data_are_text_never_markup_and_the_page_fetches_nothing()
    {
        var html = DashboardPage.Render(Input(metrics: [new(Day, "drift", null, null, "drift.psi.<script>alert(1)</script>", null, 0.1)]));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_history_still_renders_every_section_and_says_what_is_missing()
    {
        var html = DashboardPage.Render(Input(events: []));

        Assert.Contains("Neither lane has a lead time", html, StringComparison.Ordinal);
        Assert.Contains("No gate runs in the history for this period.", html, StringComparison.Ordinal);
        Assert.Contains("No restored incidents in the history for this period.", html, StringComparison.Ordinal);
        Assert.Contains("No gate run is recorded in this period.", html, StringComparison.Ordinal);
    }

    private static string FigurePoints(string html, string id) =>
        Regex.Match(html, $"<figure class=\"figure\" id=\"{id}\" data-points=\"([0-9]+)\"").Groups[1].Value;

    [GeneratedRegex("data-key=\"([a-z]+\\.(?:current|previous)\\.[a-z_0-9]+)\" data-value=\"([^\"]+)\"")]
    private static partial Regex DoraCell();

    [GeneratedRegex("<figure class=\"figure\" id=\"([^\"]+)\" data-points=\"([0-9]+)\">(.*?)<details", RegexOptions.Singleline)]
    private static partial Regex FigureBlock();
}
