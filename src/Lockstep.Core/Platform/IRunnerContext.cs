namespace Lockstep.Core.Platform;

/// <summary>
/// What a CI runner offers a step: annotations, outputs, a summary and a final result, and the rules that keep text
/// from the inputs from being read as a runner command. One implementation per platform, chosen once at the entry
/// point; nothing else knows which runs. It owns standard output: its own commands go there as they are, and every
/// other line printed in the run passes <see cref="NeutraliseLine"/> first.
/// </summary>
public interface IRunnerContext
{
    /// <summary>A short name for logs: <c>github</c>, <c>azure</c>, <c>local</c>.</summary>
    string Name { get; }

    void Annotate(Annotation annotation);

    void SetOutput(string name, string value);

    void AppendSummary(string markdown);

    void Complete(RunOutcome outcome, string message);

    /// <summary>Asks the runner to hide <paramref name="secret"/> wherever it appears in the log from now on.</summary>
    void MaskSecret(string secret);

    /// <summary>
    /// One line of plain text (without its line break) as it may be printed on this runner: anything in it that the
    /// runner would take for a command is neutralised, the rest is left as it is.
    /// </summary>
    string NeutraliseLine(string line);
}

public enum AnnotationLevel
{
    Warning,
    Error,
}

/// <summary>A message attached to a file and line of the repository.</summary>
public sealed record Annotation(AnnotationLevel Level, string Message, string? File = null, int? Line = null, string? Title = null);

/// <summary>How the step ends, in the platform-neutral terms both runners map.</summary>
public enum RunOutcome
{
    Succeeded,
    SucceededWithIssues,
    Failed,
}
