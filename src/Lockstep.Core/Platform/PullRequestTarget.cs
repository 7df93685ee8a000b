namespace Lockstep.Core.Platform;

/// <summary>A pull request: on GitHub the repository's owner and name and the PR number; on Azure DevOps the project, the repository id and the pull request id.</summary>
public sealed record PullRequestTarget(string Owner, string Repository, long Number)
{
    public override string ToString() => $"{Owner}/{Repository}#{Number}";
}
