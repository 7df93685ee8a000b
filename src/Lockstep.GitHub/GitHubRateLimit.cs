using System.Globalization;
using System.Net;
using System.Text.Json;
using Lockstep.Http;

namespace Lockstep.GitHub;

/// <summary>
/// GitHub's rate limits, read from a 403 or 429: the primary limit (<c>X-RateLimit-Remaining: 0</c>, or the message
/// "API rate limit exceeded") lifts at <c>X-RateLimit-Reset</c>; a secondary limit asks to wait <c>Retry-After</c>, or
/// at least a minute without it. The retries wait for it within the budget; a failure's message names it.
/// </summary>
internal sealed record GitHubRateLimit(string Kind, TimeSpan Wait, DateTimeOffset Until)
{
    // GitHub asks for at least a minute when a limit comes without a time to wait.
    private static readonly TimeSpan Unspecified = TimeSpan.FromMinutes(1);

    // The runner's clock and GitHub's may disagree by a little.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(1);

    /// <summary>The retry stack's throttle: GitHub's rate limits, with the body's message read when the headers do not say.</summary>
    public static async ValueTask<Throttle?> ThrottleAsync(HttpResponseMessage answer, DateTimeOffset now)
    {
        if (answer.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        var message = MessageOf(await answer.Content.ReadAsStringAsync().ConfigureAwait(false));
        return Read(answer.StatusCode, name => answer.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null, message, now) is { } limit
            ? new Throttle(limit.Wait)
            : null;
    }

    /// <summary>The rate limit a refusal means, or null when it is not one.</summary>
    public static GitHubRateLimit? Read(HttpStatusCode status, Func<string, string?> header, string? message, DateTimeOffset now)
    {
        if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (RetryAfter.Parse(header("Retry-After"), now) is { } wait)
        {
            return new("secondary", wait, now + wait);
        }

        DateTimeOffset? reset = long.TryParse(header("X-RateLimit-Reset")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) + ClockSlack
            : null;
        var primary = header("X-RateLimit-Remaining")?.Trim() == "0" || Says(message, "API rate limit exceeded");
        if (primary)
        {
            var until = reset ?? now + Unspecified;
            return new("primary", until > now ? until - now : TimeSpan.Zero, until);
        }

        return Says(message, "secondary rate limit") || status == HttpStatusCode.TooManyRequests
            ? new("secondary", Unspecified, now + Unspecified)
            : null;
    }

    /// <summary>When the limit lifts, as the message says it.</summary>
    public string UntilText => Until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool Says(string? message, string text) => message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The <c>message</c> of GitHub's error body; the whole body when it is not JSON.</summary>
    private static string MessageOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()!
                : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
