using Lockstep.Core.Platform;

namespace Lockstep.Cli.Commands;

/// <summary>
/// A runner whose step result is held back until the entrypoint knows it: the gate reports its own result, but
/// <c>fail-on</c> and the pull request steps after it decide the step's. Everything else passes straight through.
/// The result is sent once: a second <see cref="Release"/> is ignored, so no path can end the step twice.
/// </summary>
public sealed class HeldCompletionRunner(IRunnerContext inner) : IRunnerContext
{
    public string Name => inner.Name;

    /// <summary>Whether the step's result has been sent.</summary>
    public bool Released { get; private set; }

    public void Annotate(Annotation annotation) => inner.Annotate(annotation);

    public void SetOutput(string name, string value) => inner.SetOutput(name, value);

    public void AppendSummary(string markdown) => inner.AppendSummary(markdown);

    public void MaskSecret(string secret) => inner.MaskSecret(secret);

    public string NeutraliseLine(string line) => inner.NeutraliseLine(line);

    /// <summary>Held: see <see cref="Release"/>.</summary>
    public void Complete(RunOutcome outcome, string message)
    {
    }

    /// <summary>Sends the step's one result; later calls do nothing.</summary>
    public void Release(RunOutcome outcome, string message)
    {
        if (!Released)
        {
            Released = true;
            inner.Complete(outcome, message);
        }
    }
}
