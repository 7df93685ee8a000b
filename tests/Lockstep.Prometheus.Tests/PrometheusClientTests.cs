using System.Net;
using System.Net.Sockets;
using System.Text;
using Lockstep.Http;
using Lockstep.Prometheus.Tests.Harness;
using Lockstep.Tests.Shared;

namespace Lockstep.Prometheus.Tests;

[Collection(PrometheusUsers.Name)]
public class PrometheusClientTests(KnownSeriesServer fixture)
{
    private static readonly DateTimeOffset Start = KnownSeries.Start;

    [Fact]
    public async Task A_range_query_answers_each_series_with_its_labels_and_a_point_per_step()
    {
        using var client = new PrometheusClient(new PrometheusSettings(fixture.Server.Address));

        var series = await client.QueryRangeAsync(KnownSeries.Metric + "{code=\"500\"}", Start.AddMinutes(1), Start.AddMinutes(4), TimeSpan.FromMinutes(1));

        // The counter's last sample at or before each step: 0 after minute 1, 12 after 2, 16 after 3, 8 after the restart.
        var one = Assert.Single(series);
        Assert.Equal("500", one.Labels["code"]);
        Assert.Equal(KnownSeries.Metric, one.Labels["__name__"]);
        Assert.Equal(
            [new(Start.AddMinutes(1), 0), new(Start.AddMinutes(2), 12), new(Start.AddMinutes(3), 16), new PrometheusPoint(Start.AddMinutes(4), 8)],
            one.Points);
    }

    [Fact]
    public async Task A_query_with_no_series_answers_none()
    {
        using var client = new PrometheusClient(new PrometheusSettings(fixture.Server.Address));

        Assert.Empty(await client.QueryRangeAsync("no_such_metric_total", Start, Start.AddMinutes(4), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Prometheus_refusing_a_query_is_one_line_with_its_error_type_and_message()
    {
        using var client = new PrometheusClient(new PrometheusSettings(fixture.Server.Address));

        var error = await Assert.ThrowsAsync<PrometheusException>(() => client.QueryRangeAsync("sum(", Start, Start.AddMinutes(4), TimeSpan.FromMinutes(1)));

        Assert.Matches(@"^prometheus http://127\.0\.0\.1:\d+: 400 bad_data: .*parse error.* for query sum\($", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Extra_headers_are_sent_with_every_query_and_never_appear_in_a_message()
    {
        var seen = new List<string?>();
        var settings = new PrometheusSettings(fixture.Server.Address) { Headers = [new("Authorization", "Bearer s3cret-token")] };
        using var client = new PrometheusClient(settings, new Recording(seen));

        await client.QueryRangeAsync(KnownSeries.Metric, Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<PrometheusException>(() => client.QueryRangeAsync("s3cret-token(", Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1)));

        Assert.Equal(["Bearer s3cret-token", "Bearer s3cret-token"], seen);
        Assert.DoesNotContain("s3cret-token", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("for query ***(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_server_listening_is_one_line_with_the_attempts()
    {
        var clock = new FiringClock(Start);
        using var client = new PrometheusClient(new PrometheusSettings(new Uri($"http://127.0.0.1:{ClosedPort()}/")) { Retry = new HttpRetryPolicy { Clock = clock } });

        var error = await Assert.ThrowsAsync<PrometheusException>(() => client.QueryRangeAsync("up", Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1)));

        // The shared retry stack: 4 attempts, 2 s, 4 s and 8 s apart.
        Assert.Matches(@"^prometheus http://127\.0\.0\.1:\d+: no answer after 4 attempts \(.+\) for query up$", error.Message);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], clock.Waits);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in\\nexpression evaluation\"}",
        "503 timeout: query timed out in expression evaluation", 4)]
    [InlineData(HttpStatusCode.UnprocessableEntity, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching not allowed\"}",
        "422 execution: many-to-many matching not allowed", 1)]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "502 Bad Gateway", 4)]
    [InlineData(HttpStatusCode.OK, "<html>sign in</html>", "200 an answer that is not the HTTP API's JSON", 1)]
    [InlineData(HttpStatusCode.OK, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}", "200 a vector result where a range query answers a matrix", 1)]
    public async Task Every_other_answer_is_one_line_naming_the_status_and_what_prometheus_said(HttpStatusCode status, string body, string expected, int attempts)
    {
        var settings = new PrometheusSettings(new Uri("https://user:pw@prometheus.example/prom/?x=1")) { Retry = new HttpRetryPolicy { Clock = new FiringClock(Start) } };
        var answering = new Answering(status, body);
        using var client = new PrometheusClient(settings, answering);

        var error = await Assert.ThrowsAsync<PrometheusException>(() => client.QueryRangeAsync("up", Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1)));

        // Server errors are retried by the shared stack; what Prometheus refused or answered otherwise is not.
        Assert.Equal($"prometheus https://prometheus.example/prom: {expected} for query up", error.Message);
        Assert.Equal(attempts, answering.Requests);
    }

    [Fact]
    public void The_range_uri_keeps_the_address_path_and_sends_times_and_step_in_seconds()
    {
        using var client = new PrometheusClient(new PrometheusSettings(new Uri("https://prometheus.example/prom/?ignored=1")));

        var uri = client.RangeUri("rate(x{a=\"b\"}[5m])", Start, Start.AddMinutes(4).AddMilliseconds(500), TimeSpan.FromSeconds(90));

        Assert.Equal(
            "https://prometheus.example/prom/api/v1/query_range?query=rate%28x%7Ba%3D%22b%22%7D%5B5m%5D%29&start=1700000400&end=1700000640.5&step=90",
            uri.AbsoluteUri);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Recording(List<string?> seen) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.Authorization?.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class Answering(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
