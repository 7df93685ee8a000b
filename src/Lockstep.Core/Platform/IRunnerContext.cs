namespace Lockstep.Core.Platform;

/// <summary>
/// What a CI runner offers a step: annotations, outputs, a summary and a final result.
/// One implementation per platform, chosen once at the entry point; nothing else knows which runs.
/// </summary>
public interface IRunnerContext
{
    /// <summary>A short name for logs: <c>github</c>, <c>azure</c>, <c>local</c>.</summary>
    string Name { get; }

    void Annotate(Annotation annotation);

    void SetOutput(string name, string value);

    void AppendSummary(string markdown);

    void Complete(RunOutcome outcome, string message);
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
