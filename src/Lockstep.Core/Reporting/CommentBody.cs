namespace Lockstep.Core.Reporting;

/// <summary>
/// A report as a pull request comment: the marker line, then the report, within the platform's size limit. The
/// reports keep themselves under GitHub's limit (<see cref="PrReport"/>); cutting here is the last resort, and it
/// keeps the marker so the next run still finds the comment.
/// </summary>
public static class CommentBody
{
    /// <summary>GitHub's limit on a comment body, in characters.</summary>
    public const int GitHubMaxLength = PrReport.MaxLength;

    public const string TruncationNote =
        "_This report was cut to fit GitHub's 65,536-character comment limit; the job summary has all of it._";

    public static string Compose(string reportId, string markdown, int maxLength = GitHubMaxLength)
    {
        var marker = ReportMarker.Format(reportId, ReportMarker.Digest(markdown));
        var room = maxLength - marker.Length - 1;
        if (room < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "too small for the marker");
        }

        return $"{marker}\n{MarkdownFit.Fit(markdown, room, TruncationNote)}";
    }
}
