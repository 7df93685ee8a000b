using System.Globalization;
using System.Net;

namespace Lockstep.Http;

/// <summary>The <c>Retry-After</c> header, in seconds or as an HTTP date, and the throttle every service shares: 429.</summary>
public static class RetryAfter
{
    /// <summary>The wait <c>Retry-After</c> asks for; null without the header or when it cannot be read.</summary>
    public static TimeSpan? Of(HttpResponseMessage answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null);
        }

        // A value the typed header refuses is still worth a look.
        return answer.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>429 Too Many Requests: wait <c>Retry-After</c>, or back off when it is missing.</summary>
    public static ValueTask<Throttle?> On429(HttpResponseMessage answer, DateTimeOffset now) =>
        ValueTask.FromResult(answer?.StatusCode == HttpStatusCode.TooManyRequests ? new Throttle(Of(answer, now)) : (Throttle?)null);
}
