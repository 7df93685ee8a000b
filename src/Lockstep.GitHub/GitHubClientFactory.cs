using Octokit;
using Octokit.Internal;

namespace Lockstep.GitHub;

/// <summary>Builds the Octokit client for the settings' base address, so GitHub Enterprise Server works like github.com.</summary>
internal static class GitHubClientFactory
{
    public static IGitHubClient Create(GitHubHostSettings settings) =>
        new GitHubClient(Connect(settings.ApiBaseAddress, settings.Token, new HttpClientAdapter(HttpMessageHandlerFactory.CreateDefault)));

    /// <summary>A connection sending through <paramref name="http"/>: a caching or counting client, for example.</summary>
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
