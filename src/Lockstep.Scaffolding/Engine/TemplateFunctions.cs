using Scriban.Runtime;

namespace Lockstep.Scaffolding.Engine;

/// <summary>The functions templates call to write user values safely into YAML and markdown, and to format numbers.</summary>
public static class TemplateFunctions
{
    public static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import("yaml", new Func<string, string>(YamlScalar.Quote));
        functions.Import("md", new Func<string, string>(MarkdownInline));
        functions.Import("md_code", new Func<string, string>(MarkdownCode));
        functions.Import("mermaid", new Func<string, string>(MermaidLabel));
        return functions;
    }

    /// <summary>User text inside a markdown paragraph or table cell: one line, no table break, no HTML tag.</summary>
    public static string MarkdownInline(string text) => text
        .ReplaceLineEndings(" ")
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal);

    /// <summary>An identifier as inline code; a backtick inside cannot end the span early.</summary>
    public static string MarkdownCode(string text) => "`" + MarkdownInline(text).Replace("`", "'", StringComparison.Ordinal) + "`";

    /// <summary>Text inside a quoted Mermaid node label: one line, entity codes for the characters that end or break it.</summary>
    public static string MermaidLabel(string text) => text
        .ReplaceLineEndings(" ")
        .Replace("#", "#35;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal);

}
