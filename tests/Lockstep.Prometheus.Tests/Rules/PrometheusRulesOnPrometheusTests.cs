using System.Text.Json;
using Lockstep.Core.Slo;
using Lockstep.Prometheus.Tests.Harness;

namespace Lockstep.Prometheus.Tests.Rules;

/// <summary><see cref="PrometheusRules"/>' output as Prometheus' own tools read it: <c>promtool check rules</c> and a running server.</summary>
[Collection(PrometheusUsers.Name)]
public class PrometheusRulesOnPrometheusTests(KnownSeriesServer fixture)
{
    [Fact]
    public async Task Promtool_accepts_the_rules_of_several_slos()
    {
        var rules = PrometheusRules.Write(
        [
            KnownSeriesServer.Slo,
            new PrometheusRuleSlo("checkout.latency_p99", 0.99, 30, "http_request_duration_seconds_bucket{le=\"0.5\",job=\"checkout\"}", "http_request_duration_seconds_count{job=\"checkout\"}"),
            new PrometheusRuleSlo("multi-line", 0.9, 7, "http_requests_total{\n  code!~\"5..\",\n  job=\"api\"\n}", "http_requests_total{job=\"api\"}"),
        ]);

        var (code, output) = await CheckAsync(rules);

        Assert.True(code == 0, output);
        // 3 SLOs × (5 error ratios + objective + budget + window + 2 alerts) = 30 rules.
        Assert.Contains("SUCCESS: 30 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promtool_refuses_a_rule_file_with_a_broken_query_so_the_check_can_fail()
    {
        var rules = PrometheusRules.Write([KnownSeriesServer.Slo with { GoodQuery = "rate(" }]);

        var (code, output) = await CheckAsync(rules);

        Assert.NotEqual(0, code);
        Assert.Contains("parse error", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_loaded_rules_evaluate_without_errors()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<(string Name, string Health, string Type)> rules;
        do
        {
            // Rules are "unknown" until their first evaluation (every second here).
            using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri(fixture.Server.Address, "api/v1/rules")));
            rules = [.. answer.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("rules").EnumerateArray())
                .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("health").GetString()!, r.GetProperty("type").GetString()!))];
            if (rules.Count > 0 && rules.All(r => r.Health != "unknown"))
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(10, rules.Count);
        Assert.All(rules, r => Assert.True(r.Health == "ok", $"{r.Name} is {r.Health}\n{fixture.Server.Log}"));
        Assert.Equal(
            [.. PrometheusRules.Windows.Select(PrometheusRules.ErrorRatioRecord), "slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days", "SloErrorBudgetBurn", "SloErrorBudgetBurn"],
            rules.Select(r => r.Name));
        Assert.Equal(2, rules.Count(r => r.Type == "alerting"));
    }

    [Fact]
    public async Task The_error_ratio_expression_is_the_share_of_bad_events_over_its_window()
    {
        using var client = new PrometheusClient(new PrometheusSettings(fixture.Server.Address));
        var end = KnownSeries.Start.AddMinutes(4);

        var series = await client.QueryRangeAsync(PrometheusRules.ErrorRatio(KnownSeriesServer.Slo, "5m"), end, end, TimeSpan.FromMinutes(1));

        // The 5 min before the end hold all four minutes: good (code 200) 60 + 120 + 0 + 240 = 420, bad (code 500)
        // 0 + 12 + 4 + 8 = 24. Both series are sampled alike, so rate's extrapolation cancels: 1 − 420 / 444 = 24 / 444.
        var point = Assert.Single(Assert.Single(series).Points);
        Assert.Equal(end, point.Time);
        Assert.Equal(24d / 444, point.Value, 12);
    }

    [Fact]
    public async Task An_outage_without_good_series_has_an_error_ratio_of_one_not_no_value()
    {
        using var client = new PrometheusClient(new PrometheusSettings(fixture.Server.Address));
        var end = KnownSeries.Start.AddMinutes(4);
        var outage = KnownSeriesServer.Slo with { GoodQuery = KnownSeries.Metric + "{code=\"404\"}" };

        var series = await client.QueryRangeAsync(PrometheusRules.ErrorRatio(outage, "5m"), end, end, TimeSpan.FromMinutes(1));

        // No good series: "or vector(0)" makes the good rate 0, so 1 − 0 / 444 = 1 and the alerts can fire.
        Assert.Equal(1d, Assert.Single(Assert.Single(series).Points).Value);
    }

    private static async Task<(int Code, string Output)> CheckAsync(string rules)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lockstep-rules-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, rules);
        try
        {
            return await Tool.RunAsync(PrometheusBinaries.Promtool, "check", "rules", file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
