using System.Runtime.CompilerServices;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;
using Octokit;

namespace Lockstep.GitHub;

/// <summary>
/// The report as one sticky issue comment on a GitHub pull request, found again by its marker and report id
/// among all the pull request's comments, updated in place and never posted twice.
/// </summary>
public sealed class GitHubPullRequestHost : IPullRequestHost
{
    private const int PageSize = 100;

    private readonly IIssueCommentsClient comments;
    private readonly GitHubExchange exchange;
    private readonly string? author;

    public GitHubPullRequestHost(GitHubHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var resilience = GitHubClientFactory.Resilience(settings.Retry);
        comments = GitHubClientFactory.Create(settings, resilience).Issue.Comment;
        exchange = new GitHubExchange(resilience, settings.Token, GitHubAdvice.Comments);
        author = settings.CommentAuthor;
    }

    /// <summary>GitHub's limit on a comment body, in characters.</summary>
    public const int CommentLimit = 65_536;

    public string Name => "github";

    public int MaxCommentLength => CommentLimit;

    public async Task<CommentResult> UpsertReportAsync(
        PullRequestTarget target, string reportId, string markdown, CommentMode mode, bool failing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReportComment.For(reportId, markdown, mode, MaxCommentLength) is not { Body: var body, Digest: var digest })
        {
            return new CommentResult(CommentOutcome.Skipped, null);
        }

        // Each request is retried by the retry stack, except a create answered with a 5xx or not at all: it may still
        // have been stored, so the whole exchange runs again, and looking for the comment first keeps it from being
        // posted twice.
        var createSent = new StrongBox<bool>();
        return await exchange.RunCreatingAsync(
            $"Lockstep report '{reportId}' not posted on {target}",
            () => UpsertOnceAsync(target, reportId, body, digest, mode, failing, createSent),
            ct).ConfigureAwait(false);
    }

    /// <param name="createSent">Whether an earlier pass sent the create: finding the same report now means GitHub stored it.</param>
    private async Task<CommentResult> UpsertOnceAsync(
        PullRequestTarget target, string reportId, string body, string digest, CommentMode mode, bool failing, StrongBox<bool> createSent)
    {
        var previous = await FindAsync(target, reportId).ConfigureAwait(false);
        if (createSent.Value && previous is not null && string.Equals(previous.Stamp.Digest, digest, StringComparison.Ordinal))
        {
            return new CommentResult(CommentOutcome.Created, Url(previous.Comment));
        }

        switch (CommentDecision.Decide(mode, failing, previous?.Stamp, digest))
        {
            case CommentAction.Skip:
                return new CommentResult(CommentOutcome.Skipped, null);
            case CommentAction.LeaveUnchanged:
                return new CommentResult(CommentOutcome.Unchanged, Url(previous!.Comment));
            case CommentAction.Update:
                if (await UpdateAsync(target, previous!.Comment.Id, body).ConfigureAwait(false) is { } updated)
                {
                    return new CommentResult(CommentOutcome.Updated, Url(updated));
                }

                // Deleted since it was listed: post it again.
                goto case CommentAction.Create;
            case CommentAction.Create:
                createSent.Value = true;
                var created = await comments.Create(target.Owner, target.Repository, target.Number, body).ConfigureAwait(false);
                return new CommentResult(CommentOutcome.Created, Url(created));
            default:
                throw new InvalidOperationException("unknown comment action");
        }
    }

    /// <summary>The newest comment carrying this report's marker, reading every page of the pull request's comments.</summary>
    private async Task<Previous?> FindAsync(PullRequestTarget target, string reportId)
    {
        var all = await comments.GetAllForIssue(target.Owner, target.Repository, target.Number, new ApiOptions { PageSize = PageSize })
            .ConfigureAwait(false);
        Previous? newest = null;
        foreach (var comment in all)
        {
            if (ReportMarker.TryRead(comment.Body, out var stamp)
                && string.Equals(stamp.Id, reportId, StringComparison.Ordinal)
                && (author is null || string.Equals(comment.User?.Login, author, StringComparison.OrdinalIgnoreCase))
                && (newest is null || comment.Id > newest.Comment.Id))
            {
                newest = new Previous(comment, stamp);
            }
        }

        return newest;
    }

    private async Task<IssueComment?> UpdateAsync(PullRequestTarget target, long commentId, string body)
    {
        try
        {
            return await comments.Update(target.Owner, target.Repository, commentId, body).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static Uri? Url(IssueComment comment) =>
        Uri.TryCreate(comment.HtmlUrl, UriKind.Absolute, out var url) ? url : null;

    private sealed record Previous(IssueComment Comment, ReportStamp Stamp);
}
