using System.Text.RegularExpressions;
using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class PrometheusRulesTests
{
    private static readonly PrometheusRuleSlo Availability =
        new("serving-availability", 0.995, 28, "http_requests_total{job=\"api\",code!~\"5..\"}", "http_requests_total{job=\"api\"}");

    [Fact]
    public void Each_alert_window_has_its_error_ratio_recorded_with_the_slo_id()
    {
        var rules = PrometheusRules.Write([Availability]);

        foreach (var window in new[] { "5m", "30m", "1h", "6h", "3d" })
        {
            var rule = Rule(rules, $"record: slo:sli_error:ratio_rate{window}");
            Assert.Contains($"(sum(rate(http_requests_total{{job=\"api\",code!~\"5..\"}}[{window}])) or vector(0))", rule, StringComparison.Ordinal);
            Assert.Contains($"sum(rate(http_requests_total{{job=\"api\"}}[{window}]))", rule, StringComparison.Ordinal);
            Assert.Contains("slo_id: \"serving-availability\"", rule, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_page_alert_is_14_4_times_the_budget_over_1h_and_5m_or_6_times_over_6h_and_30m()
    {
        var page = Rule(PrometheusRules.Write([Availability]), "alert: SloErrorBudgetBurn", "severity: page");

        // Budget 1 − 0.995 = 0.005, written exactly.
        Assert.Equal(
            [
                ("1h", "14.4", "0.005"), ("5m", "14.4", "0.005"),
                ("6h", "6", "0.005"), ("30m", "6", "0.005"),
            ],
            Thresholds(page));
        Assert.Contains(")\n          or\n          (", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ticket_alert_is_the_budget_itself_over_3d_and_6h()
    {
        var ticket = Rule(PrometheusRules.Write([Availability]), "alert: SloErrorBudgetBurn", "severity: ticket");

        Assert.Equal([("3d", "1", "0.005"), ("6h", "1", "0.005")], Thresholds(ticket));
    }

    [Fact]
    public void The_objective_budget_and_window_are_recorded_for_dashboards()
    {
        var rules = PrometheusRules.Write([Availability with { Objective = 0.999, WindowDays = 30 }]);

        Assert.Contains("vector(0.999)", Rule(rules, "record: slo:objective:ratio"), StringComparison.Ordinal);
        Assert.Contains("vector(0.001)", Rule(rules, "record: slo:error_budget:ratio"), StringComparison.Ordinal);
        Assert.Contains("vector(30)", Rule(rules, "record: slo:time_period:days"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_is_exact_in_decimal()
    {
        Assert.Equal("0.005", PrometheusRules.Budget(0.995));
        Assert.Equal("0.0001", PrometheusRules.Budget(0.9999));
        Assert.Equal("0.1", PrometheusRules.Budget(0.9));
    }

    [Fact]
    public void Each_slo_gets_its_own_group_and_a_multi_line_selector_stays_inside_its_block()
    {
        var rules = PrometheusRules.Write(
        [
            Availability,
            new PrometheusRuleSlo("model.auc", 0.9, 7, "batches_total{\n  auc_ok=\"true\"\n}", "batches_total"),
        ]);

        Assert.Equal(["lockstep-slo-serving-availability", "lockstep-slo-model.auc"], Regex.Matches(rules, "- name: (.+)").Select(m => m.Groups[1].Value));
        Assert.Contains("\n            (sum(rate(batches_total{\n                auc_ok=\"true\"\n              }[5m])) or vector(0))\n", rules, StringComparison.Ordinal);
    }

    [Fact]
    public void No_slo_writes_an_empty_rules_file()
    {
        Assert.EndsWith("\ngroups: []\n", PrometheusRules.Write([]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space", 0.99, 28, "id")]
    [InlineData("quote\"d", 0.99, 28, "id")]
    [InlineData("-lead", 0.99, 28, "id")]
    [InlineData("ok", 1.0, 28, "objective: 1 is not between 0 and 1")]
    [InlineData("ok", 0.0, 28, "objective: 0 is not between 0 and 1")]
    [InlineData("ok", double.NaN, 28, "objective: NaN is not between 0 and 1")]
    [InlineData("ok", 0.99, 0, "window_days: 0")]
    public void A_slo_the_rules_cannot_carry_is_refused_naming_the_field(string id, double objective, int days, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => PrometheusRules.Write([Availability with { Id = id, Objective = objective, WindowDays = days }]));

        Assert.Contains($"slo {id}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_query_or_an_id_twice_is_refused()
    {
        Assert.Contains("good and the total query", Assert.Throws<ArgumentException>(() => PrometheusRules.Write([Availability with { TotalQuery = " " }])).Message, StringComparison.Ordinal);
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => PrometheusRules.Write([Availability, Availability])).Message, StringComparison.Ordinal);
    }

    // The rule (from its "- record:" or "- alert:" line to the next rule) that contains every marker.
    private static string Rule(string rules, params string[] markers)
    {
        var matching = Regex.Split(rules, "(?=\n      - (?:record|alert): )")
            .Where(r => markers.All(m => r.Contains(m, StringComparison.Ordinal)))
            .ToList();
        return Assert.Single(matching);
    }

    private static List<(string Window, string Factor, string Budget)> Thresholds(string alert) =>
        [.. Regex.Matches(alert, @"slo:sli_error:ratio_rate(\w+)\{slo_id=""serving-availability""\} > \(([\d.]+) \* ([\d.]+)\)")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];
}
