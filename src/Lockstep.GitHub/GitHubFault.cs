using System.Globalization;
using System.Net;
using Octokit;

namespace Lockstep.GitHub;

internal enum GitHubFaultKind
{
    /// <summary>A server error or network failure: try again after a backoff.</summary>
    Transient,

    /// <summary>A primary or secondary rate limit: try again after <see cref="GitHubFault.Wait"/>.</summary>
    RateLimited,

    /// <summary>A read-only token, as on pull requests from forks.</summary>
    NotPermitted,

    /// <summary>Anything else: trying again would not help.</summary>
    Fatal,
}

/// <summary>What a failed GitHub call means for the next attempt, read from the status, headers and error message.</summary>
internal sealed record GitHubFault(GitHubFaultKind Kind, string Reason, TimeSpan Wait = default, DateTimeOffset? Until = null)
{
    /// <summary>The HTTP status GitHub answered with; null for a network failure or a timeout.</summary>
    public HttpStatusCode? Status { get; init; }

    // GitHub asks for at least a minute when a secondary limit comes without Retry-After.
    private static readonly TimeSpan SecondaryDefault = TimeSpan.FromMinutes(1);

    // The runner's clock and GitHub's may disagree by a little.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(1);

    public static GitHubFault From(Exception exception, DateTimeOffset now) => exception switch
    {
        ApiException api => FromResponse(api, now),
        HttpRequestException http => new(GitHubFaultKind.Transient, $"network failure ({http.Message})"),
        _ => new(GitHubFaultKind.Transient, "the request timed out"),
    };

    private static GitHubFault FromResponse(ApiException api, DateTimeOffset now)
    {
        var status = (int)api.StatusCode;
        var answer = $"GitHub answered {status} ({api.Message.TrimEnd('.', ' ')})";
        if (status >= 500)
        {
            return new(GitHubFaultKind.Transient, answer);
        }

        if (api.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
        {
            if (Header(api, "Retry-After") is { } retryAfter && RetryAfter(retryAfter, now) is { } wait)
            {
                return new(GitHubFaultKind.RateLimited, $"{answer}: secondary rate limit", wait, now + wait);
            }

            if (Header(api, "X-RateLimit-Remaining") == "0"
                && long.TryParse(Header(api, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
            {
                var until = DateTimeOffset.FromUnixTimeSeconds(reset) + ClockSlack;
                return new(GitHubFaultKind.RateLimited, $"{answer}: primary rate limit", Max(until - now, TimeSpan.Zero), until);
            }

            if (api.Message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) || api.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new(GitHubFaultKind.RateLimited, $"{answer}: secondary rate limit", SecondaryDefault, now + SecondaryDefault);
            }

            if (api.Message.Contains("Resource not accessible by integration", StringComparison.OrdinalIgnoreCase))
            {
                return new(GitHubFaultKind.NotPermitted, answer);
            }
        }

        return new(GitHubFaultKind.Fatal, answer) { Status = api.StatusCode };
    }

    /// <summary>Retry-After in seconds or as an HTTP date.</summary>
    private static TimeSpan? RetryAfter(string value, DateTimeOffset now)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Max(date - now, TimeSpan.Zero)
            : null;
    }

    private static string? Header(ApiException api, string name) =>
        api.HttpResponse?.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
