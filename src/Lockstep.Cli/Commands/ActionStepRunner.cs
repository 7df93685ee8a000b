using Lockstep.Core.Platform;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The action step's runner: holds the annotations back, so the action can publish them once (in a check run when
/// the token allows, else as workflow commands), and makes the paths it publishes relative to the repository (the
/// workspace). Annotations need repository paths whatever the working directory, and the <c>report-path</c> output
/// must mean the same file in the container (<c>/github/workspace</c>) and in the job's later steps.
/// </summary>
internal sealed class ActionStepRunner(IRunnerContext inner, string workingDirectory, string? workspace) : IRunnerContext
{
    private readonly List<Annotation> held = [];

    public string Name => inner.Name;

    public IReadOnlyList<Annotation> Held => held;

    public void Annotate(Annotation annotation) => held.Add(annotation with { File = RepositoryPath(annotation.File) });

    public void SetOutput(string name, string value) =>
        inner.SetOutput(name, name == "report-path" ? RepositoryPath(value)! : value);

    public void AppendSummary(string markdown) => inner.AppendSummary(markdown);

    public void Complete(RunOutcome outcome, string message) => inner.Complete(outcome, message);

    public void MaskSecret(string secret) => inner.MaskSecret(secret);

    public string NeutraliseLine(string line) => inner.NeutraliseLine(line);

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
