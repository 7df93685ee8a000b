namespace Lockstep.Core.Platform;

/// <summary>
/// Where a pull request's report lives: one sticky comment per report id, which later runs update instead of
/// repeating. One implementation per platform, chosen once at the entry point, like <see cref="IRunnerContext"/>.
/// </summary>
public interface IPullRequestHost
{
    /// <summary>A short name for logs: <c>github</c>, <c>azure</c>.</summary>
    string Name { get; }

    /// <summary>The longest comment the platform accepts, in characters; the report is made to fit it.</summary>
    int MaxCommentLength { get; }

    /// <summary>
    /// Creates, updates or leaves alone the report's comment as <paramref name="mode"/> asks.
    /// </summary>
    /// <param name="reportId">Tells this report's comment from other Lockstep reports on the same pull request (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</param>
    /// <param name="markdown">The report, without the marker; a body over <see cref="MaxCommentLength"/> is truncated.</param>
    /// <param name="failing">Whether the step fails (<see cref="FailOnRule.Fails"/>), for <see cref="CommentMode.Failures"/> (and Azure's thread status).</param>
    /// <exception cref="CommentNotPermittedException">The token may not write comments on this pull request.</exception>
    /// <exception cref="PullRequestHostException">The platform could not be reached or refused, after the retries allowed.</exception>
    Task<CommentResult> UpsertReportAsync(
        PullRequestTarget target, string reportId, string markdown, CommentMode mode, bool failing, CancellationToken ct);
}
