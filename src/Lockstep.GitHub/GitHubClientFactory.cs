using Octokit;
using Octokit.Internal;

namespace Lockstep.GitHub;

/// <summary>Builds the Octokit client for the settings' base address, so GitHub Enterprise Server works like github.com.</summary>
internal static class GitHubClientFactory
{
    public static IGitHubClient Create(GitHubHostSettings settings)
    {
        var version = typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var connection = new Connection(
            new ProductHeaderValue("Lockstep", version),
            WithTrailingSlash(settings.ApiBaseAddress),
            new InMemoryCredentialStore(new Credentials(settings.Token)));
        return new GitHubClient(connection);
    }

    // Relative routes resolve under the base address only when it ends with a slash (…/api/v3/ , not …/api/v3).
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
