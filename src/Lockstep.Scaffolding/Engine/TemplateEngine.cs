using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Lockstep.Scaffolding.Engine;

/// <summary>
/// Renders a template with Scriban under strict settings: an unknown variable or member is an error, not an empty
/// string; loops and recursion are bounded; the output is capped. Every problem becomes a <see cref="TemplateException"/>
/// that names the template, the line and the column.
/// </summary>
public sealed class TemplateEngine
{
    /// <summary>The most loop iterations one render may run, across all loops.</summary>
    public const int LoopLimit = 20_000;

    /// <summary>The deepest a template function may recurse.</summary>
    public const int RecursiveLimit = 32;

    /// <summary>The most characters one render may write.</summary>
    public const int OutputLimit = 4 * 1024 * 1024;

    private readonly TemplateLibrary library;

    public TemplateEngine(TemplateLibrary library)
    {
        this.library = library;
    }

    public string Render(string name, ScriptObject model)
    {
        var (text, display) = library.Read(name, "lockstep");
        var template = Template.Parse(text, display);
        if (template.HasErrors)
        {
            throw FromMessage(template.Messages.First(m => m.Type == ParserMessageType.Error), display);
        }

        var context = CreateContext();
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptParserRuntimeException e)
        {
            throw FromMessage(e.ParserMessages.First(m => m.Type == ParserMessageType.Error), display);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is TemplateException inner)
        {
            throw inner;
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(e.Span.FileName ?? display, e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage);
        }
    }

    private TemplateContext CreateContext()
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedIndexerAccess = false,
            EnableNullIndexer = false,
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            OutputLimit = OutputLimit,
            TemplateLoader = library,
            NewLine = "\n",
            MemberRenamer = member => member.Name,
        };
        context.PushGlobal(TemplateFunctions.Create());
        return context;
    }

    private static TemplateException FromMessage(LogMessage message, string display) => new(
        message.Span.FileName ?? display,
        message.Span.Start.Line + 1,
        message.Span.Start.Column + 1,
        message.Message);
}
