using Lockstep.Core.Reporting;

namespace Lockstep.Core.Platform;

/// <summary>
/// A report about to be written as a pull request comment: the body with its marker, and the digest a later run
/// compares. Every <see cref="IPullRequestHost"/> starts from it, so they check and compose alike.
/// </summary>
public sealed record ReportComment(string ReportId, string Body, string Digest)
{
    /// <summary>The comment to write, or null when <paramref name="mode"/> is <see cref="CommentMode.Off"/> (nothing is read or sent).</summary>
    /// <exception cref="ArgumentException">The report id is not 1 to 64 letters, digits, '.', '_' or '-'.</exception>
    /// <param name="maxLength">The host's <see cref="IPullRequestHost.MaxCommentLength"/>.</param>
    public static ReportComment? For(string reportId, string markdown, CommentMode mode, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ReportMarker.EnsureValidId(reportId);
        return CommentDecision.NeedsLookup(mode)
            ? new ReportComment(reportId, CommentBody.Compose(reportId, markdown, maxLength), ReportMarker.Digest(markdown))
            : null;
    }
}
