using System.Text;
using System.Text.Json;
using Lockstep.Core.Slo;
using Lockstep.Prometheus.Tests.Harness;

namespace Lockstep.Prometheus.Tests.Rules;

/// <summary>
/// The alerts of <see cref="PrometheusRules"/> firing on a real Prometheus: three hours of requests up to now, one in
/// ten failing, under four objectives whose budgets put that error ratio above or below each threshold.
/// </summary>
public class BurningBudgetTests
{
    [Fact]
    public async Task Each_alert_fires_exactly_when_the_error_ratio_is_above_its_burn_rate_times_the_budget()
    {
        const string good = "burn_requests_total{code!~\"5..\"}";
        const string total = "burn_requests_total";
        // Error ratio 10 / (90 + 10) = 0.1 over every window. Thresholds (factor × budget):
        //   99.5%: page 14.4 × 0.005 = 0.072 and 6 × 0.005 = 0.03, ticket 0.005  → page and ticket
        //   99%:   page 0.144 (no) or 6 × 0.01 = 0.06 (yes), ticket 0.01       → page and ticket
        //   95%:   page 0.72 and 0.3 (no), ticket 0.05                         → ticket
        //   80%:   page 2.88 and 1.2, ticket 0.2                               → nothing
        var rules = PrometheusRules.Write(
        [
            new("objective-99.5", 0.995, 28, good, total),
            new("objective-99", 0.99, 28, good, total),
            new("objective-95", 0.95, 28, good, total),
            new("objective-80", 0.8, 28, good, total),
        ]);
        await using var server = await PrometheusServer.StartAsync(RecentRequests(DateTimeOffset.UtcNow), rules);

        var firing = await FiringAsync(server, expected: 5);

        Assert.Equal(
            ["objective-95 ticket", "objective-99 page", "objective-99 ticket", "objective-99.5 page", "objective-99.5 ticket"],
            firing);
    }

    // Three hours up to now, every 15 s: code 200 grows by 90 and code 500 by 10.
    private static string RecentRequests(DateTimeOffset now)
    {
        var end = now.ToUnixTimeSeconds() - 1;
        var start = end - (3 * 3600);
        var text = new StringBuilder("# TYPE burn_requests counter\n");
        foreach (var (code, each) in new[] { ("200", 90), ("500", 10) })
        {
            for (long t = start, value = 0; t <= end; t += 15, value += each)
            {
                text.Append(FormattableString.Invariant($"burn_requests_total{{code=\"{code}\"}} {value} {t}\n"));
            }
        }

        return text.Append("# EOF\n").ToString();
    }

    // The firing alerts as "slo_id severity", once as many as expected fire (or 30 s passed) and one more evaluation ran.
    private static async Task<List<string>> FiringAsync(PrometheusServer server, int expected)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ReadAsync(http, server)).Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(1500);
        return await ReadAsync(http, server);
    }

    private static async Task<List<string>> ReadAsync(HttpClient http, PrometheusServer server)
    {
        using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.Address, "api/v1/alerts")));
        return [.. answer.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Where(a => a.GetProperty("state").GetString() == "firing")
            .Select(a => $"{a.GetProperty("labels").GetProperty("slo_id").GetString()} {a.GetProperty("labels").GetProperty("severity").GetString()}")
            .Order(StringComparer.Ordinal)];
    }
}
