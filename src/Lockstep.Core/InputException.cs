namespace Lockstep.Core;

/// <summary>
/// Bad input from the user: a file that cannot be read or parsed, or content that breaks a contract.
/// Rendered as one line, <c>source:line: field: problem</c>, and mapped to exit code 2.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string inputName, int? line, string? field, string problem)
        : base(Format(inputName, line, field, problem))
    {
        InputName = inputName;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public InputException()
        : this("input", null, null, "invalid input")
    {
    }

    public InputException(string message)
        : this("input", null, null, message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        InputName = "input";
        Problem = message;
    }

    /// <summary>The file (or other input) the problem was found in.</summary>
    public string InputName { get; }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>The field: a JSON path (<c>$.metrics.auc</c>) or a policy key (<c>gates[2].max</c>).</summary>
    public string? Field { get; }

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; }

    public static string Format(string inputName, int? line, string? field, string problem)
    {
        var where = line is null ? inputName : $"{inputName}:{line}";
        return OneLine(field is null ? $"{where}: {problem}" : $"{where}: {field}: {problem}");
    }

    /// <summary>Line breaks quoted from a damaged file (in a property name, a cell) are shown escaped: the error stays one line.</summary>
    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
