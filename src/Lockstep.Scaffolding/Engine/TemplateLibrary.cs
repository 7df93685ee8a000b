using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Lockstep.Scaffolding.Engine;

/// <summary>
/// Where templates come from: a repository's override folder first, then the built-in templates. Also the loader
/// Scriban's <c>include</c> goes through, so an included template obeys the same name rules and folder confinement.
/// </summary>
public sealed class TemplateLibrary : ITemplateLoader
{
    private readonly OverrideFolder? overrides;
    private readonly Dictionary<string, (string Text, string Display)> loaded = new(StringComparer.Ordinal);

    public TemplateLibrary(OverrideFolder? overrides = null)
    {
        this.overrides = overrides;
    }

    /// <summary>The built-in templates only.</summary>
    public static TemplateLibrary BuiltIn { get; } = new();

    /// <summary>The template's text and how messages name it: its override's path, or its built-in name.</summary>
    public (string Text, string Display) Read(string name, string caller)
    {
        TemplateName.Require(name, caller);
        if (overrides?.TryRead(name) is { } own)
        {
            return own;
        }

        return BuiltInTemplates.TryRead(name) is { } builtIn
            ? (builtIn, name)
            : throw new TemplateException(caller, $"no template '{name}' (built-in templates: {string.Join(", ", BuiltInTemplates.Names)})");
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var caller = callerSpan.FileName ?? "template";
        if (!TemplateName.IsValid(templateName))
        {
            throw new TemplateException(caller, callerSpan.Start.Line + 1, callerSpan.Start.Column + 1, $"include '{templateName}': not a template name (a relative path without '..')");
        }

        var (text, display) = Read(templateName, caller);
        loaded[display] = (text, display);
        return display;
    }

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => loaded[templatePath].Text;

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(loaded[templatePath].Text);
}
