namespace Lockstep.Prometheus.Tests.Harness;

public class PrometheusServerTests
{
    [Fact]
    public async Task Series_promtool_cannot_backfill_fail_the_start_with_its_output()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PrometheusServer.StartAsync("not openmetrics at all\n"));

        Assert.StartsWith("promtool could not backfill the series (exit 1): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rules_file_prometheus_cannot_load_fails_the_start_with_its_log()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PrometheusServer.StartAsync(KnownSeries.OpenMetrics(), "groups: [{name: x, rules: [{record: 'no good', expr: '1'}]}]\n"));

        Assert.StartsWith("prometheus exited with 1 before it was ready:", error.Message, StringComparison.Ordinal);
    }
}
