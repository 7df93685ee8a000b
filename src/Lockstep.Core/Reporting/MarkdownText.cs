namespace Lockstep.Core.Reporting;

/// <summary>Escaping for text from files inside markdown the reports build.</summary>
internal static class MarkdownText
{
    /// <summary>Text from files is kept on one line and cannot break a table.</summary>
    public static string Cell(string text) =>
        text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>An identifier as inline code: one line, and a backtick inside cannot end the span early.</summary>
    public static string Code(string text) => "`" + Cell(text).Replace("`", "'", StringComparison.Ordinal) + "`";
}
