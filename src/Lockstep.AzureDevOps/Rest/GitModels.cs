namespace Lockstep.AzureDevOps.Rest;

// The shapes of the Git REST resources Lockstep uses (git 7.1 OpenAPI: GitPullRequestCommentThread, Comment,
// GitPullRequestStatus, GitPullRequest, GitCommitRef); only the fields read or sent are modelled.

/// <summary>The <c>{ "count": n, "value": [...] }</c> wrapper of every Azure DevOps list.</summary>
internal sealed record ListOf<T>(IReadOnlyList<T>? Value);

internal sealed record CommentThread(long Id, string? Status, bool IsDeleted, IReadOnlyList<ThreadComment>? Comments);

internal sealed record ThreadComment(long Id, long ParentCommentId, string? Content, bool IsDeleted);

internal sealed record NewThread(IReadOnlyList<NewComment> Comments, string Status);

internal sealed record NewComment(long ParentCommentId, string Content, string CommentType);

internal sealed record CommentEdit(string Content);

internal sealed record ThreadStatusEdit(string Status);

internal sealed record StatusContext(string Genre, string Name);

internal sealed record NewPullRequestStatus(string State, string Description, StatusContext Context, string? TargetUrl);

internal sealed record PostedStatus(long Id, string? State);

internal sealed record GitPullRequest(int PullRequestId, DateTimeOffset CreationDate);

internal sealed record GitUserDate(DateTimeOffset? Date);

internal sealed record GitCommitRef(string CommitId, GitUserDate? Author, GitUserDate? Committer, string? Comment);
