using System.Globalization;
using Lockstep.AzureDevOps.Rest;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.AzureDevOps;

/// <summary>
/// The report as one sticky comment thread on an Azure Repos pull request, found again by the marker in its first
/// comment, updated in place (that comment is edited) and never posted twice. The thread is <c>active</c> while the
/// gate blocks and <c>closed</c> once it passes, so a "check for comment resolution" branch policy blocks the merge
/// exactly as long as the gate does. Also posts the gate's pull request status.
/// </summary>
/// <remarks>A <see cref="PullRequestTarget"/> here is the project, the repository id and the pull request id.</remarks>
public sealed class AzureDevOpsPullRequestHost : IPullRequestHost, IDisposable
{
    /// <summary>The permission threads and statuses need, as the repository's security page names it.</summary>
    public const string ContributePermission = "Contribute to pull requests";

    private const string Active = "active";
    private const string Closed = "closed";

    private readonly AzureDevOpsClient client;

    public AzureDevOpsPullRequestHost(AzureDevOpsSettings settings, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        client = new AzureDevOpsClient(settings, transport);
    }

    /// <summary>
    /// Azure DevOps' limit on a comment, in characters. Not in the API reference; the API refuses a longer one with
    /// "A discussion comment cannot be longer than 150000 characters".
    /// </summary>
    public const int CommentLimit = 150_000;

    public string Name => "azure";

    public int MaxCommentLength => CommentLimit;

    public async Task<CommentResult> UpsertReportAsync(
        PullRequestTarget target, string reportId, string markdown, CommentMode mode, bool failing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReportComment.For(reportId, markdown, mode, MaxCommentLength) is not { Body: var body, Digest: var digest })
        {
            return new CommentResult(CommentOutcome.Skipped, null);
        }

        // Creating the thread may fail in a way that stored it anyway: the exchange is then run again, and looks first.
        try
        {
            return await client.RepeatAsync(() => UpsertOnceAsync(target, reportId, body, digest, mode, failing, ct), ct).ConfigureAwait(false);
        }
        catch (AzureDevOpsException e)
        {
            throw HostException($"Lockstep report '{reportId}' not posted on {target}", e);
        }
    }

    /// <summary>Posts the gate's status on the pull request; the newest status of a genre and name is the one that counts.</summary>
    /// <exception cref="PullRequestHostException">Azure DevOps refused or kept failing.</exception>
    public async Task PostStatusAsync(PullRequestTarget target, PullRequestStatus status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(status);
        var description = status.Description.Length <= 250 ? status.Description : status.Description[..249] + "…";
        try
        {
            await client.SendAsync(
                HttpMethod.Post,
                PullRequestApi(target, "statuses"),
                new NewPullRequestStatus(status.StateName, description, new StatusContext(status.Genre, status.Name), status.TargetUrl?.AbsoluteUri),
                AzureDevOpsJson.Default.NewPullRequestStatus,
                AzureDevOpsJson.Default.PostedStatus,
                ContributePermission,
                repeatable: true,
                ct).ConfigureAwait(false);
        }
        catch (AzureDevOpsException e)
        {
            throw HostException($"Lockstep status '{status.Genre}/{status.Name}' not posted on {target}", e);
        }
    }

    /// <summary>When the pull request was created, for its lead time so far.</summary>
    /// <exception cref="PullRequestHostException">Azure DevOps refused or kept failing.</exception>
    public async Task<DateTimeOffset> GetCreationDateAsync(PullRequestTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            var pr = await client.GetAsync(PullRequestApi(target, null), AzureDevOpsJson.Default.GitPullRequest, "Read (code)", ct).ConfigureAwait(false);
            return pr.CreationDate.ToUniversalTime();
        }
        catch (AzureDevOpsException e)
        {
            throw HostException($"pull request {target} not read", e);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<CommentResult> UpsertOnceAsync(
        PullRequestTarget target, string reportId, string body, string digest, CommentMode mode, bool failing, CancellationToken ct)
    {
        var previous = await FindAsync(target, reportId, ct).ConfigureAwait(false);
        var status = failing ? Active : Closed;
        switch (CommentDecision.Decide(mode, failing, previous?.Stamp, digest))
        {
            case CommentAction.Skip:
                return new CommentResult(CommentOutcome.Skipped, null);
            case CommentAction.LeaveUnchanged:
                // The report is the same, but someone may have resolved the thread by hand: the gate decides its state.
                await SetStatusAsync(target, previous!.Thread, status, ct).ConfigureAwait(false);
                return new CommentResult(CommentOutcome.Unchanged, ThreadUrl(target, previous.Thread.Id));
            case CommentAction.Update:
                if (await EditAsync(target, previous!, body, ct).ConfigureAwait(false))
                {
                    await SetStatusAsync(target, previous!.Thread, status, ct).ConfigureAwait(false);
                    return new CommentResult(CommentOutcome.Updated, ThreadUrl(target, previous!.Thread.Id));
                }

                // Deleted since it was listed: post it again.
                goto case CommentAction.Create;
            case CommentAction.Create:
                var created = await client.SendAsync(
                    HttpMethod.Post,
                    PullRequestApi(target, "threads"),
                    new NewThread([new NewComment(0, body, "text")], status),
                    AzureDevOpsJson.Default.NewThread,
                    AzureDevOpsJson.Default.CommentThread,
                    ContributePermission,
                    repeatable: false,
                    ct).ConfigureAwait(false);
                return new CommentResult(CommentOutcome.Created, ThreadUrl(target, created.Id));
            default:
                throw new InvalidOperationException("unknown comment action");
        }
    }

    /// <summary>The newest live thread whose first comment starts with this report's marker.</summary>
    private async Task<Previous?> FindAsync(PullRequestTarget target, string reportId, CancellationToken ct)
    {
        var threads = await client.GetAsync(PullRequestApi(target, "threads"), AzureDevOpsJson.Default.ListOfCommentThread, ContributePermission, ct)
            .ConfigureAwait(false);
        Previous? newest = null;
        foreach (var thread in threads.Value ?? [])
        {
            var first = thread.Comments?.Where(c => c.ParentCommentId == 0).MinBy(c => c.Id);
            if (!thread.IsDeleted && first is { IsDeleted: false }
                && ReportMarker.TryRead(first.Content, out var stamp)
                && string.Equals(stamp.Id, reportId, StringComparison.Ordinal)
                && (newest is null || thread.Id > newest.Thread.Id))
            {
                newest = new Previous(thread, first, stamp);
            }
        }

        return newest;
    }

    /// <summary>Edits the thread's first comment; false when the thread or comment is gone.</summary>
    private async Task<bool> EditAsync(PullRequestTarget target, Previous previous, string body, CancellationToken ct)
    {
        try
        {
            await client.SendAsync(
                HttpMethod.Patch,
                PullRequestApi(target, $"threads/{Id(previous.Thread.Id)}/comments/{Id(previous.Comment.Id)}"),
                new CommentEdit(body),
                AzureDevOpsJson.Default.CommentEdit,
                AzureDevOpsJson.Default.ThreadComment,
                ContributePermission,
                repeatable: true,
                ct).ConfigureAwait(false);
            return true;
        }
        catch (AzureDevOpsException e) when (e.Failure == AzureDevOpsFailure.NotFound)
        {
            return false;
        }
    }

    private async Task SetStatusAsync(PullRequestTarget target, CommentThread thread, string status, CancellationToken ct)
    {
        if (string.Equals(thread.Status, status, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await client.SendAsync(
            HttpMethod.Patch,
            PullRequestApi(target, $"threads/{Id(thread.Id)}"),
            new ThreadStatusEdit(status),
            AzureDevOpsJson.Default.ThreadStatusEdit,
            AzureDevOpsJson.Default.CommentThread,
            ContributePermission,
            repeatable: true,
            ct).ConfigureAwait(false);
    }

    private Uri PullRequestApi(PullRequestTarget target, string? resource) =>
        client.Api($"git/repositories/{Uri.EscapeDataString(target.Repository)}/pullRequests/{Id(target.Number)}{(resource is null ? string.Empty : "/" + resource)}");

    private Uri ThreadUrl(PullRequestTarget target, long threadId) =>
        client.Web($"_git/{Uri.EscapeDataString(target.Repository)}/pullrequest/{Id(target.Number)}?discussionId={Id(threadId)}");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static PullRequestHostException HostException(string what, AzureDevOpsException e) =>
        e.Failure == AzureDevOpsFailure.NotPermitted
            ? new CommentNotPermittedException($"{what}: {e.Message}", e)
            : new PullRequestHostException($"{what}: {e.Message}", e);

    private sealed record Previous(CommentThread Thread, ThreadComment Comment, ReportStamp Stamp);
}
