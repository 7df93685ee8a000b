using System.Globalization;
using System.Net;

namespace Lockstep.GitHub.Deliveries;

/// <summary>How many requests a run sent so far, how many GitHub answered 304 (free against the rate limit), what the source was reading, and the rate limit left.</summary>
public readonly record struct RequestCount(int Sent, int NotModified, string Reading, int? RateLimitRemaining);

/// <summary>
/// Counts every HTTP request that leaves for GitHub, retries included, and the 304s among them, and reports after
/// each answer, so the run can print the requests it used.
/// </summary>
internal sealed class RequestCounter(Action<RequestCount>? progress) : DelegatingHandler
{
    private int sent;
    private int notModified;
    private int? remaining;

    /// <summary>What the source is reading now, shown with the progress.</summary>
    public string Reading { get; set; } = "starting";

    public RequestCount Count => new(Volatile.Read(ref sent), Volatile.Read(ref notModified), Reading, remaining);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref sent);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Interlocked.Increment(ref notModified);
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
