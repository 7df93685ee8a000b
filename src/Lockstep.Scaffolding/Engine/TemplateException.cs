namespace Lockstep.Scaffolding.Engine;

/// <summary>
/// A template that cannot be parsed or rendered: one line, <c>file(line,col): message</c>, the way compilers and
/// editors report a position, so a terminal or an IDE can jump to it.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string file, int line, int column, string problem)
        : base($"{file}({line},{column}): {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public TemplateException(string file, string problem)
        : base($"{file}: {problem}")
    {
        File = file;
        Problem = problem;
    }

    public TemplateException()
        : this("template", "invalid template")
    {
    }

    public TemplateException(string message)
        : this("template", message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "template";
        Problem = message;
    }

    /// <summary>The template's name, as given to the loader (<c>model-card.md.sbn</c>), or its override's path.</summary>
    public string File { get; }

    /// <summary>1-based; 0 when the problem has no position (a template that does not exist).</summary>
    public int Line { get; }

    /// <summary>1-based; 0 when the problem has no position.</summary>
    public int Column { get; }

    public string Problem { get; }
}
