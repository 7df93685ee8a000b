using System.Globalization;
using System.Net;

namespace Lockstep.GitHub.Deliveries;

/// <summary>How many requests a run sent so far, how many GitHub answered 304 (free against the rate limit), what the source was reading, and the rate limit left.</summary>
public readonly record struct RequestCount(int Sent, int NotModified, string Reading, int? RateLimitRemaining)
{
    /// <summary>The answers that gave what was asked (2xx, or 304 from the cache); none means nothing was read.</summary>
    public int Answered { get; init; }
}

/// <summary>
/// Counts every HTTP request that leaves for GitHub, retries included, and the 304s among them, and reports after
/// each answer, so the run can print the requests it used.
/// </summary>
internal sealed class RequestCounter(Action<RequestCount>? progress) : DelegatingHandler
{
    private int sent;
    private int notModified;
    private int answered;
    private int? remaining;

    /// <summary>What the source is reading now, shown with the progress.</summary>
    public string Reading { get; set; } = "starting";

    public RequestCount Count => new(Volatile.Read(ref sent), Volatile.Read(ref notModified), Reading, remaining) { Answered = Volatile.Read(ref answered) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref sent);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Interlocked.Increment(ref notModified);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            Interlocked.Increment(ref answered);
        }

        if (response.Headers.TryGetValues("X-RateLimit-Remaining", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var left))
        {
            remaining = left;
        }

        progress?.Invoke(Count);
        return response;
    }
}
