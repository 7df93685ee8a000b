using System.Globalization;
using System.Net;

namespace Lockstep.Http;

/// <summary>The <c>Retry-After</c> header, in seconds or as an HTTP date, and the throttle every service shares: 429.</summary>
public static class RetryAfter
{
    /// <summary>The wait an answer's <c>Retry-After</c> asks for; null without the header or when it cannot be read.</summary>
    public static TimeSpan? Of(HttpResponseMessage answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Headers.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;
    }

    /// <summary>A <c>Retry-After</c> value: whole seconds, or an HTTP date (a date already past is no wait).</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        value = value?.Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>429 Too Many Requests: wait <c>Retry-After</c>, or back off when it is missing.</summary>
    public static ValueTask<Throttle?> On429(HttpResponseMessage answer, DateTimeOffset now) =>
        ValueTask.FromResult(answer?.StatusCode == HttpStatusCode.TooManyRequests ? new Throttle(Of(answer, now)) : (Throttle?)null);
}
