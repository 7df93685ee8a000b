using Lockstep.Http;

namespace Lockstep.GitHub;

/// <summary>
/// How to reach GitHub for pull request comments. A class, not a record, so that printing it never shows the token.
/// </summary>
public sealed class GitHubHostSettings
{
    public static readonly Uri PublicApi = new("https://api.github.com/");

    /// <summary>The REST API's base address: <c>https://api.github.com/</c>, or a GitHub Enterprise Server's <c>https://host/api/v3/</c> (<c>GITHUB_API_URL</c>).</summary>
    public Uri ApiBaseAddress { get; init; } = PublicApi;

    public required string Token { get; init; }

    /// <summary>When set, only comments by this login count as the report's (for example <c>github-actions[bot]</c>).</summary>
    public string? CommentAuthor { get; init; }

    public HttpRetryPolicy Retry { get; init; } = new();
}
