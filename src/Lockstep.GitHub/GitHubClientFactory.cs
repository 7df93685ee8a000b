using Lockstep.Http;
using Octokit;
using Octokit.Internal;

namespace Lockstep.GitHub;

/// <summary>
/// Builds the Octokit client for the settings' base address, so GitHub Enterprise Server works like github.com, and
/// sends every request through the shared retry stack with GitHub's rate limits as its throttle.
/// </summary>
internal static class GitHubClientFactory
{
    public static HttpResilience Resilience(HttpRetryPolicy policy) => new(policy, GitHubRateLimit.ThrottleAsync);

    public static IGitHubClient Create(GitHubHostSettings settings, HttpResilience resilience) =>
        new GitHubClient(Connect(settings.ApiBaseAddress, settings.Token, Adapter(resilience, HttpMessageHandlerFactory.CreateDefault())));

    /// <summary>Octokit's HTTP client over the retry stack and <paramref name="transport"/> (a counting handler, for example).</summary>
    public static HttpClientAdapter Adapter(HttpResilience resilience, HttpMessageHandler transport)
    {
        var adapter = new HttpClientAdapter(() => resilience.Handler(transport));

        // The retry stack cuts each attempt itself; a timeout around all of them would cut the waits between them.
        adapter.SetRequestTimeout(Timeout.InfiniteTimeSpan);
        return adapter;
    }

    /// <summary>A connection sending through <paramref name="http"/>: a caching client, for example.</summary>
    public static Connection Connect(Uri apiBaseAddress, string token, IHttpClient http)
    {
        var version = typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return new Connection(
            new ProductHeaderValue("Lockstep", version),
            WithTrailingSlash(apiBaseAddress),
            new InMemoryCredentialStore(new Credentials(token)),
            http,
            new SimpleJsonSerializer());
    }

    // Relative routes resolve under the base address only when it ends with a slash (…/api/v3/ , not …/api/v3).
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
