using Scriban.Runtime;

namespace Lockstep.Scaffolding.Engine;

/// <summary>The functions templates call to write user values safely into YAML and markdown, and to format numbers.</summary>
public static class TemplateFunctions
{
    public static ScriptObject Create()
    {
        var functions = new ScriptObject();
        Add(functions, "yaml", YamlScalar.Quote);
        Add(functions, "md", MarkdownInline);
        Add(functions, "md_code", MarkdownCode);
        Add(functions, "mermaid", MermaidLabel);
        return functions;
    }

    // Typed wrappers instead of ScriptObject.Import(name, Delegate), which finds the method by reflection and so
    // cannot be trimmed or compiled ahead of time.
    private static void Add(ScriptObject functions, string name, Func<string, string> function) =>
        functions.SetValue(name, DelegateCustomFunction.CreateFunc(function), readOnly: true);

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
