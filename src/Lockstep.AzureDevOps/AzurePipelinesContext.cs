using System.Globalization;
using Lockstep.Core.Platform;

namespace Lockstep.AzureDevOps;

/// <summary>
/// Where an Azure Pipelines job runs, from the agent's predefined variables: the collection and project, the
/// repository, the build, and the pull request when the build validates one (a branch policy's build).
/// </summary>
public sealed record AzurePipelinesContext(Uri CollectionUri, string Project, string? RepositoryId, int? BuildId, int? PullRequestId)
{
    /// <summary>The provider of an Azure Repos repository, as <c>Build.Repository.Provider</c> names it.</summary>
    public const string AzureRepos = "TfsGit";

    /// <summary><c>Build.Repository.Provider</c>: <c>TfsGit</c> for Azure Repos, else <c>GitHub</c>, <c>Bitbucket</c> …; null when not set.</summary>
    public string? RepositoryProvider { get; init; }

    /// <summary>Whether the build validates a pull request of a repository that is not on Azure Repos (GitHub, Bitbucket …).</summary>
    public bool ValidatesForeignPullRequest =>
        PullRequestId is not null && RepositoryProvider is { } provider && !string.Equals(provider, AzureRepos, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The Azure Repos pull request to comment on, or none outside pull request validation, and none for a repository
    /// hosted elsewhere, whose pull request the Azure Repos APIs do not know (<see cref="ValidatesForeignPullRequest"/>).
    /// </summary>
    public PullRequestTarget? PullRequest =>
        PullRequestId is { } id && RepositoryId is { } repository && !ValidatesForeignPullRequest ? new PullRequestTarget(Project, repository, id) : null;

    /// <summary><c>$(System.CollectionUri)$(System.TeamProject)/_build/results?buildId=$(Build.BuildId)</c>.</summary>
    public Uri? BuildUrl => BuildId is { } build
        ? new Uri($"{CollectionUri.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(Project)}/_build/results?buildId={build.ToString(CultureInfo.InvariantCulture)}")
        : null;

    /// <summary>Null when the collection or project is not set, as outside Azure Pipelines.</summary>
    public static AzurePipelinesContext? FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Variable(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        int? Number(string name) => int.TryParse(Variable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        if (Variable("SYSTEM_COLLECTIONURI") is not { } collection || !Uri.TryCreate(collection, UriKind.Absolute, out var uri)
            || Variable("SYSTEM_TEAMPROJECT") is not { } project)
        {
            return null;
        }

        return new AzurePipelinesContext(uri, project, Variable("BUILD_REPOSITORY_ID"), Number("BUILD_BUILDID"), Number("SYSTEM_PULLREQUEST_PULLREQUESTID"))
        {
            RepositoryProvider = Variable("BUILD_REPOSITORY_PROVIDER"),
        };
    }
}
