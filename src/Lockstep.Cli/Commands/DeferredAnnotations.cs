using Lockstep.Core.Platform;

namespace Lockstep.Cli.Commands;

/// <summary>
/// A runner that holds the annotations back, so the action can publish them once: in a check run when the token
/// allows, else as workflow commands. File paths become relative to the repository (the workspace), as both
/// GitHub's check annotations and workflow commands expect, whatever the working directory.
/// </summary>
internal sealed class DeferredAnnotations(IRunnerContext inner, string workingDirectory, string? workspace) : IRunnerContext
{
    private readonly List<Annotation> held = [];

    public string Name => inner.Name;

    public IReadOnlyList<Annotation> Held => held;

    public void Annotate(Annotation annotation) => held.Add(annotation with { File = RepositoryPath(annotation.File) });

    public void SetOutput(string name, string value) => inner.SetOutput(name, value);

    public void AppendSummary(string markdown) => inner.AppendSummary(markdown);

    public void Complete(RunOutcome outcome, string message) => inner.Complete(outcome, message);

    /// <summary>Writes the held annotations through the inner runner.</summary>
    public void Release()
    {
        foreach (var annotation in held)
        {
            inner.Annotate(annotation);
        }

        held.Clear();
    }

    private string? RepositoryPath(string? file)
    {
        if (file is null || workspace is null)
        {
            return file;
        }

        var full = Path.GetFullPath(file, workingDirectory);
        var relative = Path.GetRelativePath(workspace, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative.Replace('\\', '/');
    }
}
