using System.Net;
using Lockstep.Tests.Shared;

namespace Lockstep.Http.Tests;

public sealed class HttpResilienceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri Address = new("http://127.0.0.1/api/things");

    private readonly FiringClock clock = new(Now);
    private readonly ScriptedTransport transport = new();
    private ExchangeRecord? lastRecord;

    [Fact]
    public async Task A_server_error_is_retried_after_the_first_backoff()
    {
        transport.Then(HttpStatusCode.BadGateway);

        var (answer, record) = await Send(HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
        Assert.Equal(2, transport.Requests.Count);
        Assert.Equal(new ExchangeRecord(2, null), record);
    }

    [Fact]
    public async Task Server_errors_give_up_after_the_attempts_allowed_with_doubling_backoffs()
    {
        for (var i = 0; i < 4; i++)
        {
            transport.Then(HttpStatusCode.ServiceUnavailable);
        }

        var (answer, record) = await Send(HttpMethod.Get);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], clock.Waits);
        Assert.Equal(new ExchangeRecord(4, null), record);
    }

    [Fact]
    public async Task Each_wait_is_told_before_it_starts_with_what_it_waits_out()
    {
        transport.Then(HttpStatusCode.BadGateway).ThenNetworkFailure();
        var told = new List<string>();
        var resilience = new HttpResilience(new HttpRetryPolicy { Clock = clock, OnWait = (wait, why) => told.Add($"{wait.TotalSeconds} s: {why}") });
        using var http = new HttpClient(resilience.Handler(transport), disposeHandler: false);

        using var answer = await http.GetAsync(Address);
        await resilience.RepeatAsync(() => Task.FromResult(0), _ => false, CancellationToken.None);
        await resilience.TryWaitAsync(TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(
            ["2 s: GET /api/things answered 502", "4 s: GET /api/things failed (connection reset)", "3 s: looking again for what the last try may have created"],
            told);
    }

    [Fact]
    public async Task A_network_failure_is_retried_like_a_server_error()
    {
        transport.ThenNetworkFailure();

        var (answer, _) = await Send(HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
    }

    [Fact]
    public async Task A_post_is_not_repeated_after_a_server_error_because_it_may_have_been_carried_out()
    {
        transport.Then(HttpStatusCode.BadGateway);

        var (answer, record) = await Send(HttpMethod.Post);

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Single(transport.Requests);
        Assert.Empty(clock.Waits);
        Assert.Equal(new ExchangeRecord(1, null, MayHaveBeenCarriedOut: true), record);
    }

    [Fact]
    public async Task A_post_whose_connection_failed_is_not_resent_and_is_recorded_as_maybe_carried_out()
    {
        transport.ThenNetworkFailure();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Send(HttpMethod.Post));

        Assert.Equal("connection reset", error.Message);
        Assert.Single(transport.Requests);
        Assert.Equal(new ExchangeRecord(1, null, MayHaveBeenCarriedOut: true), lastRecord);
    }

    [Fact]
    public async Task A_post_marked_repeatable_is_repeated_after_a_server_error()
    {
        transport.Then(HttpStatusCode.BadGateway);

        var (answer, _) = await Send(HttpMethod.Post, repeatable: true);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task A_throttled_post_waits_retry_after_in_seconds_since_nothing_was_done()
    {
        transport.Then(HttpStatusCode.TooManyRequests, headers: ("Retry-After", "7"));

        var (answer, _) = await Send(HttpMethod.Post);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Waits);
    }

    [Fact]
    public async Task Retry_after_as_a_date_waits_until_then_on_the_policy_clock()
    {
        transport.Then(HttpStatusCode.TooManyRequests, headers: ("Retry-After", Now.AddSeconds(90).ToString("r", System.Globalization.CultureInfo.InvariantCulture)));

        await Send(HttpMethod.Get);

        Assert.Equal([TimeSpan.FromSeconds(90)], clock.Waits);
        Assert.Equal(Now.AddSeconds(90), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_throttle_without_retry_after_backs_off()
    {
        transport.Then(HttpStatusCode.TooManyRequests);

        await Send(HttpMethod.Get);

        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
    }

    [Fact]
    public async Task A_wait_beyond_the_budget_is_not_started_and_is_recorded()
    {
        transport.Then(HttpStatusCode.TooManyRequests, headers: ("Retry-After", "600"));

        var (answer, record) = await Send(HttpMethod.Get);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Empty(clock.Waits);
        Assert.Equal(new ExchangeRecord(1, TimeSpan.FromMinutes(10)), record);
    }

    [Fact]
    public async Task The_budget_counts_every_wait_of_the_run_across_requests()
    {
        var resilience = new HttpResilience(new HttpRetryPolicy { Clock = clock, Budget = TimeSpan.FromSeconds(3) });
        transport.Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.OK).Then(HttpStatusCode.InternalServerError);
        using var http = new HttpClient(resilience.Handler(transport), disposeHandler: false);

        using var first = await http.GetAsync(Address);
        using var second = await http.GetAsync(Address);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
        Assert.Equal(new ExchangeRecord(1, TimeSpan.FromSeconds(2)), resilience.Last);
    }

    [Fact]
    public async Task The_platform_reads_its_own_throttle_from_the_answer_and_its_body()
    {
        ThrottleReader reader = async (answer, now) =>
            answer.StatusCode == HttpStatusCode.Forbidden && (await answer.Content.ReadAsStringAsync()).Contains("rate limit", StringComparison.Ordinal)
                ? new Throttle(TimeSpan.FromSeconds(31))
                : null;
        transport.Then(HttpStatusCode.Forbidden, """{"message":"API rate limit exceeded"}""").Then(HttpStatusCode.Forbidden, """{"message":"Forbidden"}""");

        var (answer, record) = await Send(HttpMethod.Get, reader: reader);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await answer.Content.ReadAsStringAsync());
        Assert.Equal([TimeSpan.FromSeconds(31)], clock.Waits);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task A_repeated_exchange_backs_off_out_of_the_same_budget_until_it_succeeds()
    {
        var resilience = new HttpResilience(new HttpRetryPolicy { Clock = clock });
        var runs = 0;

        var result = await resilience.RepeatAsync(
            () => ++runs < 3 ? throw new InvalidOperationException("stored?") : Task.FromResult(runs),
            e => e is InvalidOperationException,
            CancellationToken.None);

        Assert.Equal(3, result);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.Waits);
        Assert.Equal(TimeSpan.FromSeconds(6), resilience.Waited);
    }

    [Fact]
    public async Task A_repeated_exchange_gives_up_when_the_budget_is_spent_or_the_failure_is_another()
    {
        var resilience = new HttpResilience(new HttpRetryPolicy { Clock = clock, Budget = TimeSpan.FromSeconds(3) });

        await Assert.ThrowsAsync<InvalidOperationException>(() => resilience.RepeatAsync<int>(
            () => throw new InvalidOperationException("stored?"), e => e is InvalidOperationException, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => resilience.RepeatAsync<int>(
            () => throw new ArgumentException("refused"), e => e is InvalidOperationException, CancellationToken.None));

        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(40, 30)]
    public void Backoffs_double_up_to_the_maximum(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new HttpRetryPolicy().Backoff(failures));

    public void Dispose() => transport.Dispose();

    private async Task<(HttpResponseMessage Answer, ExchangeRecord Record)> Send(HttpMethod method, bool repeatable = false, ThrottleReader? reader = null)
    {
        var resilience = new HttpResilience(new HttpRetryPolicy { Clock = clock }, reader);
        using var http = new HttpClient(resilience.Handler(transport), disposeHandler: false);
        using var request = new HttpRequestMessage(method, Address) { Content = method == HttpMethod.Post ? new StringContent("{}") : null };
        request.Options.Set(HttpResilience.Repeatable, repeatable);
        HttpResponseMessage answer;
        try
        {
            answer = await http.SendAsync(request);
        }
        finally
        {
            lastRecord = resilience.Last;
        }

        Assert.True(request.Options.TryGetValue(HttpResilience.Record, out var record));
        Assert.Equal(record, resilience.Last);
        return (answer, record);
    }
}
