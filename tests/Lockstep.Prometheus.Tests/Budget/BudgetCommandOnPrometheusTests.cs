using System.Globalization;
using System.Text.Json;
using Lockstep.Cli;
using Lockstep.Prometheus.Tests.Harness;

namespace Lockstep.Prometheus.Tests.Budget;

/// <summary><c>lockstep budget</c> and <c>lockstep budget rules</c> on an SLO read from the real Prometheus of <see cref="KnownSeries"/>.</summary>
[Collection(PrometheusUsers.Name)]
public sealed class BudgetCommandOnPrometheusTests(KnownSeriesServer fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lockstep-budget-prometheus-").FullName;

    private static string Policy(string? url) => $$"""
        version: 1
        gates:
          - id: availability-budget
            metric: budget.api-availability.remaining
            min: 0
            action: block
        slos:
          - id: api-availability
            family: software
            objective: 99.5%
            window_days: 28
            budgeting: occurrences
            sli:
              source: prometheus
              good: '{{KnownSeries.Metric}}{code!~"5.."}'
              total: '{{KnownSeries.Metric}}'
        {{(url is null ? string.Empty : $"      url: {url}\n")}}
        """;

    [Fact]
    public void The_budget_of_the_known_minutes_is_their_good_share_against_the_objective()
    {
        File.WriteAllText(Path.Combine(directory, "lockstep.yml"), Policy(null));
        var asOf = KnownSeries.Start.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var (exitCode, output) = Run(new() { ["LOCKSTEP_PROMETHEUS_URL"] = fixture.Server.Address.ToString() }, "budget", "--policy", "lockstep.yml", "--as-of", asOf, "--json", "budget.json");

        Assert.True(exitCode == 0, output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "budget.json")));
        var slo = report.RootElement.GetProperty("slos")[0];

        // The one 5-minute step with data holds all four minutes: good 60 + 120 + 0 + 240 = 420 of 444 (24 answered 500).
        // Both counters are sampled alike, so increase()'s extrapolation scales them alike and the share is exact.
        Assert.Equal(420d / 444, slo.GetProperty("sli").GetDouble(), 9);

        // consumed = (1 − SLI) / (1 − 0.995) = (24 / 444) / 0.005 = 10.81…; every burn rate sees the same events.
        var metrics = report.RootElement.GetProperty("metrics");
        Assert.Equal(24d / 444 / 0.005, metrics.GetProperty("budget.api-availability.consumed").GetDouble(), 6);
        Assert.Equal(1 - (24d / 444 / 0.005), metrics.GetProperty("budget.api-availability.remaining").GetDouble(), 6);
        Assert.Equal(24d / 444 / 0.005, metrics.GetProperty("budget.api-availability.burn_rate.1h").GetDouble(), 6);
    }

    [Theory]
    [InlineData("90%", 1.0)]
    [InlineData("100%", 0.0)]
    public void Timeslices_count_the_hour_good_when_its_good_share_meets_the_threshold(string threshold, double sli)
    {
        File.WriteAllText(Path.Combine(directory, "lockstep.yml"), $$"""
            version: 1
            slos:
              - id: api-hours
                family: software
                objective: 90%
                window_days: 1
                budgeting: timeslices
                slice: hour
                threshold: {{threshold}}
                sli: { source: prometheus, good: '{{KnownSeries.Metric}}{code!~"5.."}', total: '{{KnownSeries.Metric}}' }
            """);
        var asOf = KnownSeries.Start.AddMinutes(40).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var (exitCode, output) = Run(new() { ["LOCKSTEP_PROMETHEUS_URL"] = fixture.Server.Address.ToString() }, "budget", "--policy", "lockstep.yml", "--as-of", asOf, "--json", "budget.json");

        Assert.True(exitCode == 0, output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "budget.json")));
        var slo = report.RootElement.GetProperty("slos")[0];

        // The hour 22:00–23:00 UTC holds the four known minutes: 420 good of 444 = 94.6 %. At a 90 % threshold it is a
        // good hour (SLI 1/1, nothing consumed); at 100 % a bad one (SLI 0/1, consumed (1 − 0) / (1 − 0.9) = 10).
        Assert.Equal(1, slo.GetProperty("slices_with_data").GetInt64());
        Assert.Equal(sli, slo.GetProperty("sli").GetDouble(), 12);
        Assert.Equal((1 - sli) / 0.1, slo.GetProperty("consumed").GetDouble(), 9);
    }

    [Fact]
    public async Task The_rules_command_writes_rules_promtool_accepts_for_the_prometheus_SLOs()
    {
        File.WriteAllText(Path.Combine(directory, "lockstep.yml"), Policy(fixture.Server.Address.ToString()));

        var (exitCode, output) = Run([], "budget", "rules", "--policy", "lockstep.yml", "--format", "prometheus", "--out", "rules.yml");

        Assert.True(exitCode == 0, output);
        Assert.StartsWith("1 SLO: api-availability; 5 error ratios and 3 burn-rate alerts each\nwrote rules.yml\n", output, StringComparison.Ordinal);
        var (check, checkOutput) = await Tool.RunAsync(PrometheusBinaries.Promtool, "check", "rules", Path.Combine(directory, "rules.yml"));
        Assert.True(check == 0, checkOutput);
        Assert.Contains("SUCCESS: 10 rules found", checkOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Prometheus_that_refuses_the_query_is_one_line_and_exit_2()
    {
        File.WriteAllText(Path.Combine(directory, "lockstep.yml"), Policy(null).Replace("code!~", "code!!~", StringComparison.Ordinal));

        var (exitCode, output) = Run(new() { ["LOCKSTEP_PROMETHEUS_URL"] = fixture.Server.Address.ToString() }, "budget", "--policy", "lockstep.yml", "--as-of", "2023-11-15T00:00:00Z");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"^error: prometheus: slos\[api-availability\]\.sli: prometheus http://127\.0\.0\.1:[0-9]+/?: 400 bad_data: .* for query .*\n$", output);
    }

    private (int ExitCode, string Output) Run(Dictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        var context = new CliContext(output, output, environment, directory, false);
        var exitCode = Task.Run(() => LockstepCommand.RunAsync(args, context)).GetAwaiter().GetResult();
        return (exitCode, output.ToString().ReplaceLineEndings("\n"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
