using System.Net;
using Lockstep.Http;
using Octokit;

namespace Lockstep.GitHub;

internal enum GitHubFaultKind
{
    /// <summary>A server error, network failure or timeout that outlasted the retries (or a create that may have been stored).</summary>
    Transient,

    /// <summary>A primary or secondary rate limit that outlasted the retries or the budget.</summary>
    RateLimited,

    /// <summary>A read-only token, as on pull requests from forks.</summary>
    NotPermitted,

    /// <summary>Anything else: trying again would not help.</summary>
    Fatal,
}

/// <summary>What a failed GitHub call means, read from its final answer (status, headers, message) once the retries are done.</summary>
internal sealed record GitHubFault(GitHubFaultKind Kind, string Reason)
{
    /// <summary>The HTTP status GitHub answered with; null for a network failure or a timeout.</summary>
    public HttpStatusCode? Status { get; init; }

    /// <summary>The rate limit, for <see cref="GitHubFaultKind.RateLimited"/>.</summary>
    public GitHubRateLimit? RateLimit { get; init; }

    public static GitHubFault From(Exception exception, DateTimeOffset now) => exception switch
    {
        ApiException api => FromResponse(api, now),
        HttpRequestException http => new(GitHubFaultKind.Transient, $"network failure ({http.Message.TrimEnd('.', ' ')})"),
        _ => new(GitHubFaultKind.Transient, "the request timed out"),
    };

    /// <summary>Whether a call that failed so may have been carried out all the same: a create answered with a 5xx, or not at all.</summary>
    public static bool MayHaveBeenCarriedOut(Exception exception, ExchangeRecord last) =>
        last.MayHaveBeenCarriedOut && IsFailure(exception);

    /// <summary>A failure of the exchange with GitHub, rather than of Lockstep or the caller.</summary>
    public static bool IsFailure(Exception exception) =>
        exception is ApiException or HttpRequestException or TimeoutException or TaskCanceledException;

    private static GitHubFault FromResponse(ApiException api, DateTimeOffset now)
    {
        var status = (int)api.StatusCode;
        var answer = $"GitHub answered {status} ({api.Message.TrimEnd('.', ' ')})";
        if (status >= 500 || api.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return new(GitHubFaultKind.Transient, answer);
        }

        if (GitHubRateLimit.Read(api.StatusCode, name => Header(api, name), api.Message, now) is { } limit)
        {
            return new(GitHubFaultKind.RateLimited, answer) { RateLimit = limit };
        }

        if (api.StatusCode == HttpStatusCode.Forbidden && api.Message.Contains("Resource not accessible by integration", StringComparison.OrdinalIgnoreCase))
        {
            return new(GitHubFaultKind.NotPermitted, answer);
        }

        return new(GitHubFaultKind.Fatal, answer) { Status = api.StatusCode };
    }

    private static string? Header(ApiException api, string name) =>
        api.HttpResponse?.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();
}
