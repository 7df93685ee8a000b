namespace Lockstep.Core.Reporting;

/// <summary>
/// A report as a pull request comment: the marker line, then the report, within the platform's size limit (the
/// host's <see cref="Platform.IPullRequestHost.MaxCommentLength"/>). The reports keep themselves under it
/// (<see cref="PrReport"/>); cutting here is the last resort, and it keeps the marker so the next run still finds the
/// comment.
/// </summary>
public static class CommentBody
{
    /// <summary>The note that ends a report cut to fit <paramref name="maxLength"/> characters.</summary>
    public static string TruncationNote(int maxLength) => FormattableString.Invariant(
        $"_This report was cut to fit the {maxLength:N0}-character comment limit; the summary of the run has all of it._");

    public static string Compose(string reportId, string markdown, int maxLength)
    {
        var marker = ReportMarker.Format(reportId, ReportMarker.Digest(markdown));
        var room = maxLength - marker.Length - 1;
        if (room < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "too small for the marker");
        }

        return $"{marker}\n{MarkdownFit.Fit(markdown, room, TruncationNote(maxLength))}";
    }
}
