using System.Text;

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
        var full = $"{marker}\n{markdown}";
        if (full.Length <= maxLength)
        {
            return full;
        }

        // Room for the closers of an open code fence and <details> block, and the note.
        const string ending = "\n\n" + TruncationNote + "\n";
        const int closers = 20;
        var room = maxLength - marker.Length - 1 - ending.Length - closers;
        if (room < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "too small for the marker and the truncation note");
        }

        var kept = Cut(markdown, room);
        var body = new StringBuilder(marker).Append('\n').Append(kept);
        if (OpenFence(kept))
        {
            body.Append("\n```");
        }

        if (Count(kept, "<details") > Count(kept, "</details>"))
        {
            body.Append("\n</details>");
        }

        return body.Append(ending).ToString();
    }

    /// <summary>At most <paramref name="room"/> characters, ending at a line break where there is one, never inside a surrogate pair.</summary>
    private static string Cut(string markdown, int room)
    {
        var end = room;
        var lastBreak = markdown.LastIndexOf('\n', Math.Max(end - 1, 0));
        if (lastBreak > 0)
        {
            end = lastBreak;
        }
        else if (end > 0 && char.IsHighSurrogate(markdown[end - 1]))
        {
            end--;
        }

        return markdown[..end];
    }

    private static bool OpenFence(string text) =>
        text.Split('\n').Count(line => line.TrimStart().StartsWith("```", StringComparison.Ordinal)) % 2 == 1;

    private static int Count(string text, string tag)
    {
        var count = 0;
        for (var i = text.IndexOf(tag, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(tag, i + tag.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
