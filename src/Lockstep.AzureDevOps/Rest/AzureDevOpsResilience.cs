using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Lockstep.AzureDevOps.Rest;

/// <summary>
/// The retry pipeline under the client's <see cref="HttpClient"/>: a throttled request (429) waits for
/// <c>Retry-After</c>; a server error, timeout or network failure waits 2 s, 4 s, 8 s …; every wait of the run comes
/// out of one budget, and a wait that would overrun it is not started. A POST is repeated only after a 429 (nothing
/// was done) unless the caller marks it <see cref="Repeatable"/>, because a 5xx may come after the work was stored.
/// </summary>
internal sealed class AzureDevOpsResilience
{
    /// <summary>Set on a POST whose repetition is harmless (a pull request status: the newest one counts).</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("lockstep.repeatable");

    /// <summary>Why the last request stopped retrying early: the wait it would have needed.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> RefusedWait = new("lockstep.refused-wait");

    /// <summary>How many times the last request was tried.</summary>
    public static readonly ResiliencePropertyKey<int> Attempts = new("lockstep.attempts");

    private static readonly ResiliencePropertyKey<TimeSpan> NextWait = new("lockstep.next-wait");

    private readonly AzureDevOpsRetryPolicy policy;
    private TimeSpan waited;

    public AzureDevOpsResilience(AzureDevOpsRetryPolicy policy)
    {
        this.policy = policy;
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(policy.MaxAttempts - 1, 0),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = policy.FirstBackoff,
            MaxDelay = policy.MaxBackoff,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextWait, policy.FirstBackoff)),
            OnRetry = args =>
            {
                waited += args.RetryDelay;
                args.Context.Properties.Set(Attempts, args.AttemptNumber + 2);
                return default;
            },
        };
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = policy.Clock }.AddRetry(retry).Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>The budget the run allows for waiting, for messages.</summary>
    public TimeSpan Budget => policy.Budget;

    /// <summary>Waits outside the pipeline (a whole exchange repeated) out of the same budget; false when it would overrun it.</summary>
    public async Task<bool> TryWaitAsync(TimeSpan wait, CancellationToken ct)
    {
        if (waited + wait > policy.Budget)
        {
            return false;
        }

        waited += wait;
        await Task.Delay(wait, policy.Clock, ct).ConfigureAwait(false);
        return true;
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
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
            case { Exception: HttpRequestException or TimeoutException or OperationCanceledException } when repeatable:
                wait = policy.Backoff(attemptNumber + 1);
                break;
            case { Result: { } response } when response.StatusCode == HttpStatusCode.TooManyRequests
                || (repeatable && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)):
                wait = RetryAfter(response, policy.Clock.GetUtcNow()) ?? policy.Backoff(attemptNumber + 1);
                break;
            default:
                return false;
        }

        if (waited + wait > policy.Budget)
        {
            context.Properties.Set(RefusedWait, wait);
            return false;
        }

        context.Properties.Set(NextWait, wait);
        return true;
    }

    /// <summary>Retry-After in seconds or as an HTTP date.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return response.Headers.TryGetValues("Retry-After", out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }

        return retryAfter.Delta ?? (retryAfter.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null);
    }
}
