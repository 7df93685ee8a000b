using System.Net;
using Lockstep.Core.Platform;

namespace Lockstep.GitHub;

/// <summary>
/// What to tell the user when GitHub refuses a call for a reason only they can fix, and which exception carries it:
/// commenting and reading delivery history need different permissions.
/// </summary>
internal sealed record GitHubAdvice(
    Func<HttpStatusCode, string> Hint,
    string ReadOnlyToken,
    Func<string, Exception> Failed,
    Func<string, Exception> NotPermitted)
{
    public static GitHubAdvice Comments { get; } = new(
        status => status switch
        {
            HttpStatusCode.Unauthorized => "; check the token",
            HttpStatusCode.Forbidden => "; the token needs pull-requests: write (or issues: write)",
            HttpStatusCode.NotFound => "; check the repository and pull request number, and that the token can see them",
            _ => string.Empty,
        },
        GitHubExchange.ReadOnlyTokenHint,
        message => new PullRequestHostException(message),
        message => new CommentNotPermittedException(message));

    public static GitHubAdvice Deliveries { get; } = new(
        status => status switch
        {
            HttpStatusCode.Unauthorized => "; check the token",
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => $"; check the repository, and that the token can read it ({ReadPermissions})",
            _ => string.Empty,
        },
        $"the token may not read this: give the workflow {ReadPermissions}.",
        message => new GitHubSourceException(message),
        message => new GitHubSourceException(message));

    public static GitHubAdvice Alerts { get; } = new(
        status => status switch
        {
            HttpStatusCode.Unauthorized => "; check the token",
            HttpStatusCode.Forbidden => "; the token needs issues: write, and contents: write for repository_dispatch",
            HttpStatusCode.NotFound => "; check the repository, and that the token can see it",
            _ => string.Empty,
        },
        "give the workflow `permissions: issues: write, contents: write`.",
        message => new PullRequestHostException(message),
        message => new PullRequestHostException(message));

    private const string ReadPermissions = "permissions: contents: read, deployments: read, issues: read, pull-requests: read, actions: read";
}
