using Lockstep.Core.Platform;

namespace Lockstep.Cli.Commands;

/// <summary>
/// A runner whose step result is held back until the entrypoint knows it: the gate reports its own result, but
/// <c>fail-on</c> and the pull request steps after it decide the step's. Everything else passes straight through.
/// </summary>
public sealed class HeldCompletionRunner(IRunnerContext inner) : IRunnerContext
{
    public string Name => inner.Name;

    public void Annotate(Annotation annotation) => inner.Annotate(annotation);

    public void SetOutput(string name, string value) => inner.SetOutput(name, value);

    public void AppendSummary(string markdown) => inner.AppendSummary(markdown);

    /// <summary>Held: see <see cref="Release"/>.</summary>
    public void Complete(RunOutcome outcome, string message)
    {
    }

    /// <summary>Sends the step's one result.</summary>
    public void Release(RunOutcome outcome, string message) => inner.Complete(outcome, message);
}
