using Lockstep.Prometheus.Tests.Harness;

namespace Lockstep.Prometheus.Tests;

[Collection(PrometheusUsers.Name)]
public class PrometheusSliTests(KnownSeriesServer fixture)
{
    private const string Good = KnownSeries.Metric + "{code!~\"5..\"}";
    private const string Total = KnownSeries.Metric;
    private static readonly DateTimeOffset Start = KnownSeries.Start;

    [Fact]
    public async Task Each_minute_counts_the_good_and_total_events_of_that_minute()
    {
        using var client = Client();

        var steps = await PrometheusSli.ReadAsync(client, Good, Total, Start, Start.AddMinutes(4), TimeSpan.FromMinutes(1));

        // good = code 200: +60, +120, +0, +240; total adds code 500: +0, +12, +4, +8 (the restart in minute 4 counts 8, not 8 − 16).
        Assert.Equal(
            [
                new SliStep(Start.AddMinutes(1), 60, 60 + 0),
                new SliStep(Start.AddMinutes(2), 120, 120 + 12),
                new SliStep(Start.AddMinutes(3), 0, 0 + 4),
                new SliStep(Start.AddMinutes(4), 240, 240 + 8),
            ],
            steps);
    }

    [Fact]
    public async Task A_longer_step_counts_the_sum_of_its_minutes()
    {
        using var client = Client();

        var steps = await PrometheusSli.ReadAsync(client, Good, Total, Start, Start.AddMinutes(4), TimeSpan.FromMinutes(2));

        // Minutes 1–2: good 60 + 120 = 180, total 180 + (0 + 12) = 192; minutes 3–4: good 0 + 240 = 240, total 240 + (4 + 8) = 252.
        Assert.Equal([new SliStep(Start.AddMinutes(2), 180, 192), new SliStep(Start.AddMinutes(4), 240, 252)], steps);
    }

    [Fact]
    public async Task A_step_without_samples_is_missing_not_zero()
    {
        using var client = Client();

        var steps = await PrometheusSli.ReadAsync(client, Good, Total, Start, Start.AddMinutes(6), TimeSpan.FromMinutes(1));

        // Minutes 5 and 6 hold at most the last sample (at minute 4): too few for an increase, so they are left out.
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(3), Start.AddMinutes(4)], steps.Select(s => s.End));
    }

    [Fact]
    public async Task A_good_selector_that_matches_no_series_counts_no_good_events()
    {
        using var client = Client();

        var steps = await PrometheusSli.ReadAsync(client, KnownSeries.Metric + "{code=\"404\"}", Total, Start, Start.AddMinutes(4), TimeSpan.FromMinutes(1));

        // sum() over no series is absent; the totals are those of the first test.
        Assert.Equal([0d, 0, 0, 0], steps.Select(s => s.Good));
        Assert.Equal([60d, 132, 4, 248], steps.Select(s => s.Total));
    }

    [Fact]
    public async Task A_range_longer_than_one_query_may_answer_is_asked_in_pieces()
    {
        using var client = Client();
        var from = Start.AddDays(-12);

        var steps = await PrometheusSli.ReadAsync(client, Good, Total, from, Start.AddMinutes(4), TimeSpan.FromMinutes(1));

        // 12 days and 4 minutes by the minute are 17,284 steps, beyond the 11,000 points Prometheus answers in one
        // query; only the last four hold data, counted as in the first test.
        Assert.Equal([60d, 132, 4, 248], steps.Select(s => s.Total));
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(3), Start.AddMinutes(4)], steps.Select(s => s.End));
    }

    [Fact]
    public async Task Pieces_meet_without_a_gap_or_an_overlap()
    {
        var asked = new List<string>();
        using var client = new PrometheusClient(new PrometheusSettings(fixture.Server.Address), new Recording(asked));

        var steps = await PrometheusSli.ReadAsync(client, Good, Total, Start, Start.AddMinutes(4), TimeSpan.FromMinutes(1), maxStepsPerQuery: 3, default);

        // Steps 1–3, then step 4, for the good and then the total query.
        var start = Start.ToUnixTimeSeconds();
        Assert.Equal(
            [$"start={start + 60}&end={start + 180}", $"start={start + 240}&end={start + 240}", $"start={start + 60}&end={start + 180}", $"start={start + 240}&end={start + 240}"],
            asked);
        Assert.Equal([new SliStep(Start.AddMinutes(1), 60, 60), new SliStep(Start.AddMinutes(2), 120, 132), new SliStep(Start.AddMinutes(3), 0, 4), new SliStep(Start.AddMinutes(4), 240, 248)], steps);
    }

    [Fact]
    public void The_query_is_the_summed_increase_over_one_step_in_seconds()
    {
        Assert.Equal("sum(increase(up{job=\"api\"}[300s]))", PrometheusSli.IncreaseQuery("up{job=\"api\"}", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_range_without_a_whole_step_or_a_fractional_step_is_refused()
    {
        using var client = Client();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PrometheusSli.ReadAsync(client, Good, Total, Start, Start.AddSeconds(59), TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PrometheusSli.ReadAsync(client, Good, Total, Start, Start.AddMinutes(4), TimeSpan.FromMilliseconds(1500)));
    }

    [Fact]
    public async Task A_bad_selector_fails_with_the_query_that_was_asked()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<PrometheusException>(() => PrometheusSli.ReadAsync(client, "rate(", Total, Start, Start.AddMinutes(4), TimeSpan.FromMinutes(1)));

        Assert.StartsWith($"prometheus {fixture.Server.Address.AbsoluteUri.TrimEnd('/')}: 400 bad_data: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" for query sum(increase(rate([60s]))", error.Message, StringComparison.Ordinal);
    }

    private PrometheusClient Client() => new(new PrometheusSettings(fixture.Server.Address));

    private sealed class Recording(List<string> asked) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = request.RequestUri!.Query;
            asked.Add(query[query.IndexOf("&start=", StringComparison.Ordinal)..query.IndexOf("&step=", StringComparison.Ordinal)].TrimStart('&'));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
