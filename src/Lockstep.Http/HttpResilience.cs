using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Lockstep.Http;

/// <summary>
/// The retry stack every platform client of a run shares (one instance per client, one budget per instance): a
/// Microsoft.Extensions.Http.Resilience retry around each HTTP exchange. A throttled answer (the platform's
/// <see cref="ThrottleReader"/>; by default 429) waits what it asks for; a server error, 408, timeout or network
/// failure waits 2 s, 4 s, 8 s …; every wait comes out of <see cref="HttpRetryPolicy.Budget"/>, and a wait that
/// would overrun it is not started. A POST is repeated only after a throttle (nothing was done) unless the request
/// is marked <see cref="Repeatable"/>: after a 5xx or a timeout it may have been carried out, and only the caller
/// can look for it before trying again (<see cref="RepeatAsync"/>).
/// </summary>
public sealed class HttpResilience
{
    /// <summary>Set on a POST whose repetition is harmless (a status whose newest one counts).</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("lockstep.repeatable");

    /// <summary>How the request went through the retries; set on the request when it returns or throws.</summary>
    public static readonly HttpRequestOptionsKey<ExchangeRecord> Record = new("lockstep.exchange");

    // Services answer within seconds; a hung attempt is cut here and retried like a network failure.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);

    private static readonly ResiliencePropertyKey<TimeSpan> NextWait = new("lockstep.next-wait");
    private static readonly ResiliencePropertyKey<TimeSpan> RefusedWait = new("lockstep.refused-wait");
    private static readonly ResiliencePropertyKey<int> Attempts = new("lockstep.attempts");
    private static readonly ResiliencePropertyKey<bool> NotRepeated = new("lockstep.not-repeated");

    private readonly ThrottleReader throttle;
    private readonly AsyncLocal<CancellationToken> callerToken = new();
    private readonly Lock gate = new();
    private TimeSpan waited;

    public HttpResilience(HttpRetryPolicy policy, ThrottleReader? throttle = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        this.throttle = throttle ?? RetryAfter.On429;
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(policy.MaxAttempts - 1, 0),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = policy.FirstBackoff,
            MaxDelay = policy.MaxBackoff,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.AttemptNumber, args.Context),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextWait, policy.FirstBackoff)),
            OnRetry = args =>
            {
                lock (gate)
                {
                    waited += args.RetryDelay;
                }

                args.Context.Properties.Set(Attempts, args.AttemptNumber + 2);
                policy.OnWait?.Invoke(args.RetryDelay, WhatFailed(args.Outcome, args.Context));
                return default;
            },
        };
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = policy.Clock }.AddRetry(retry).Build();
    }

    public HttpRetryPolicy Policy { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>How the latest request went; for clients that cannot see the request (Octokit). One request at a time.</summary>
    public ExchangeRecord Last { get; private set; } = ExchangeRecord.None;

    /// <summary>The waits of the run so far, retries and repeated exchanges together.</summary>
    public TimeSpan Waited
    {
        get
        {
            lock (gate)
            {
                return waited;
            }
        }
    }

    /// <summary>
    /// Cancels the requests sent from here on in this async flow, and their waits, with <paramref name="ct"/>: for
    /// clients that do not pass the caller's token down (most of Octokit's). Reverts when the calling method returns.
    /// </summary>
    public void CancelWith(CancellationToken ct) => callerToken.Value = ct;

    /// <summary>The handlers to send through: the retries, each attempt cut after 100 s, then <paramref name="transport"/>.</summary>
    public HttpMessageHandler Handler(HttpMessageHandler transport) =>
        new RecordingHandler(this, new ResilienceHandler(Pipeline) { InnerHandler = new AttemptTimeoutHandler(transport, AttemptTimeout) });

    /// <summary>Waits outside the pipeline (a whole exchange repeated) out of the same budget; false when it would overrun it.</summary>
    public async Task<bool> TryWaitAsync(TimeSpan wait, CancellationToken ct)
    {
        lock (gate)
        {
            if (waited + wait > Policy.Budget)
            {
                return false;
            }

            waited += wait;
        }

        Policy.OnWait?.Invoke(wait, "looking again for what the last try may have created");
        await Task.Delay(wait, Policy.Clock, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Runs an exchange that creates something (look for it, create it if absent) and runs it again, after a backoff
    /// out of the budget, when it failed in a way that may have created it anyway: the next run looks first.
    /// </summary>
    public async Task<T> RepeatAsync<T>(Func<Task<T>> exchange, Func<Exception, bool> mayHaveBeenCarriedOut, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(mayHaveBeenCarriedOut);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await exchange().ConfigureAwait(false);
            }
            catch (Exception e) when (mayHaveBeenCarriedOut(e) && attempt < Policy.MaxAttempts)
            {
                var backoff = Policy.Backoff(attempt);
                if (!await TryWaitAsync(backoff, ct).ConfigureAwait(false))
                {
                    // The budget, not the attempts, ended it: the message says so.
                    Last = Last with { RefusedWait = backoff };
                    throw;
                }
            }
        }
    }

    private static string WhatFailed(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        var what = request is null ? "the request" : $"{request.Method} {request.RequestUri?.AbsolutePath}";
        return outcome.Result is { } answer
            ? $"{what} answered {(int)answer.StatusCode}"
            : $"{what} failed ({outcome.Exception?.Message.TrimEnd('.')})";
    }

        private async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = context.GetRequestMessage();
        var repeatable = request is null || request.Method != HttpMethod.Post
            || (request.Options.TryGetValue(Repeatable, out var marked) && marked);
        TimeSpan wait;
        switch (outcome)
        {
            case { Exception: HttpRequestException or TimeoutException or OperationCanceledException } when !repeatable:
                context.Properties.Set(NotRepeated, true);
                return false;
            case { Exception: HttpRequestException or TimeoutException or OperationCanceledException }:
                wait = Policy.Backoff(attemptNumber + 1);
                break;
            case { Result: { } answer }:
                if (await ThrottleAsync(answer).ConfigureAwait(false) is { } throttled)
                {
                    wait = throttled.Wait ?? Policy.Backoff(attemptNumber + 1);
                    break;
                }

                if ((int)answer.StatusCode < 500 && answer.StatusCode != HttpStatusCode.RequestTimeout)
                {
                    return false;
                }

                if (!repeatable)
                {
                    context.Properties.Set(NotRepeated, true);
                    return false;
                }

                wait = RetryAfter.Of(answer, Policy.Clock.GetUtcNow()) ?? Policy.Backoff(attemptNumber + 1);
                break;
            default:
                return false;
        }

        lock (gate)
        {
            if (waited + wait > Policy.Budget)
            {
                context.Properties.Set(RefusedWait, wait);
                return false;
            }
        }

        context.Properties.Set(NextWait, wait);
        return true;
    }

    private async ValueTask<Throttle?> ThrottleAsync(HttpResponseMessage answer)
    {
        if (answer.IsSuccessStatusCode || (int)answer.StatusCode < 400)
        {
            return null;
        }

        // The reader may look at the body; buffered, it can still be read by the caller of the last attempt.
        await answer.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        return await throttle(answer, Policy.Clock.GetUtcNow()).ConfigureAwait(false);
    }

    /// <summary>Gives each request its own resilience context, and records on it (and as <see cref="Last"/>) how it went.</summary>
    private sealed class RecordingHandler(HttpResilience owner, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, owner.callerToken.Value);
            var context = ResilienceContextPool.Shared.Get(linked.Token);
            request.SetResilienceContext(context);
            try
            {
                return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            }
            finally
            {
                var record = new ExchangeRecord(
                    context.Properties.GetValue(Attempts, 1),
                    context.Properties.TryGetValue(RefusedWait, out var refused) ? refused : null,
                    context.Properties.GetValue(NotRepeated, false));
                request.Options.Set(Record, record);
                owner.Last = record;
                request.SetResilienceContext(null);
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }
}
