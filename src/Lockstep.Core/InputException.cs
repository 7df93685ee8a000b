namespace Lockstep.Core;

/// <summary>
/// Bad input from the user: a file that cannot be read or parsed, or content that breaks a contract.
/// Rendered as one line, <c>source:line: field: problem</c>, and mapped to exit code 2.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string inputName, int? line, string? field, string problem)
        : this(inputName, line, null, field, problem)
    {
    }

    /// <summary>A problem at a line and column (1-based), rendered <c>source:line:column: field: problem</c>.</summary>
    public InputException(string inputName, int? line, int? column, string? field, string problem)
        : base(Format(inputName, line, column, field, problem))
    {
        InputName = inputName;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
        Errors = [this];
    }

    private InputException(string inputName, IReadOnlyList<InputException> errors, int shown)
        : base(string.Join("\n", errors.Take(shown).Select(e => e.Message).Concat(
            errors.Count > shown ? [$"{inputName}: … and {errors.Count - shown} more {(errors.Count - shown == 1 ? "error" : "errors")}"] : [])))
    {
        InputName = inputName;
        Line = errors[0].Line;
        Column = errors[0].Column;
        Field = errors[0].Field;
        Problem = errors[0].Problem;
        Errors = errors;
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
        Errors = [this];
    }

    /// <summary>How many problems of one file a message lists before "… and N more".</summary>
    public const int MostShown = 20;

    /// <summary>The file (or other input) the problem was found in.</summary>
    public string InputName { get; }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column, when known.</summary>
    public int? Column { get; }

    /// <summary>
    /// Every problem found in the input, in order: one for most inputs, several when a reader checks the whole file
    /// (the policy), so that one run shows all of them. The message has one line per problem, at most
    /// <see cref="MostShown"/>, then "… and N more".
    /// </summary>
    public IReadOnlyList<InputException> Errors { get; }

    /// <summary>The field: a JSON path (<c>$.metrics.auc</c>) or a policy key (<c>gates[2].max</c>).</summary>
    public string? Field { get; }

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; }

    /// <summary>One exception for several problems of one input; a single problem is returned as it is.</summary>
    public static InputException Several(string inputName, IReadOnlyList<InputException> errors) => errors switch
    {
        [] => throw new ArgumentException("expected at least one error", nameof(errors)),
        [var only] => only,
        _ => new InputException(inputName, errors, MostShown),
    };

    public static string Format(string inputName, int? line, string? field, string problem) =>
        Format(inputName, line, null, field, problem);

    public static string Format(string inputName, int? line, int? column, string? field, string problem)
    {
        var where = (line, column) switch
        {
            (null, _) => inputName,
            (_, null) => $"{inputName}:{line}",
            _ => $"{inputName}:{line}:{column}",
        };
        return OneLine(field is null ? $"{where}: {problem}" : $"{where}: {field}: {problem}");
    }

    /// <summary>Line breaks quoted from a damaged file (in a property name, a cell) are shown escaped: the error stays one line.</summary>
    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
