using System.Text;

namespace Lockstep.Core.Reporting;

/// <summary>
/// Cuts markdown to a platform's size limit as the last resort: at a line break, closing an open code fence or
/// <c>&lt;details&gt;</c> block, and ending with a note that says where the whole text is.
/// </summary>
public static class MarkdownFit
{
    // Room for the closers of an open code fence and <details> block.
    private const int Closers = 20;

    public static string Fit(string markdown, int maxLength, string note)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length <= maxLength)
        {
            return markdown;
        }

        var ending = $"\n\n{note}\n";
        var room = maxLength - ending.Length - Closers;
        if (room < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "too small for the truncation note");
        }

        var kept = Cut(markdown, room);
        var body = new StringBuilder(kept);
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
