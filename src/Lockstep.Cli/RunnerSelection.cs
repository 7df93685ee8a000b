using Lockstep.AzureDevOps;
using Lockstep.Cli.Io;
using Lockstep.Core.Platform;
using Lockstep.GitHub;

namespace Lockstep.Cli;

/// <summary>
/// Picks the CI runner once, when the command starts, and puts every line the command prints through it; nothing
/// below the entry point asks again which platform it is on.
/// </summary>
public static class RunnerSelection
{
    /// <summary>
    /// The context the command runs with: <see cref="CliContext.Runner"/> for the platform, and on a CI runner
    /// standard output and error behind a <see cref="RunnerLogWriter"/>, while the runner keeps the streams themselves
    /// for its own commands. <c>github-action</c> and <c>azure-task</c> run on their platform by definition; any other
    /// command by the environment (<c>GITHUB_ACTIONS</c>, then <c>TF_BUILD</c>, else a terminal).
    /// </summary>
    public static CliContext Select(CliContext context, string command)
    {
        ArgumentNullException.ThrowIfNull(context);
        IRunnerContext runner = command switch
        {
            "github-action" => GitHub(context),
            "azure-task" => Azure(context),
            _ when IsTrue(context.Variable("GITHUB_ACTIONS")) => GitHub(context),
            _ when IsTrue(context.Variable("TF_BUILD")) => Azure(context),
            _ => new LocalRunner(),
        };
        return runner is LocalRunner
            ? context with { Runner = runner }
            : context with { Out = new RunnerLogWriter(context.Out, runner), Error = new RunnerLogWriter(context.Error, runner), Runner = runner };
    }

    /// <summary>Writes what the log writers still hold of a last line without a line break.</summary>
    public static void Complete(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        (context.Out as RunnerLogWriter)?.Complete();
        (context.Error as RunnerLogWriter)?.Complete();
    }

    /// <summary>Where the runner writes files of its own (Azure's uploaded summary): the agent's temp directory.</summary>
    public static string AgentTemp(CliContext context) =>
        context.Variable("AGENT_TEMPDIRECTORY") ?? Path.Combine(Path.GetTempPath(), "lockstep");

    private static GitHubActionsRunner GitHub(CliContext context) =>
        new(context.Out, context.Variable("GITHUB_OUTPUT"), context.Variable("GITHUB_STEP_SUMMARY"));

    private static AzurePipelinesRunner Azure(CliContext context) => new(context.Out, AgentTemp(context));

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A terminal: the console report already says everything, so the runner adds nothing.</summary>
public sealed class LocalRunner : IRunnerContext
{
    public string Name => "local";

    public void Annotate(Annotation annotation)
    {
    }

    public void SetOutput(string name, string value)
    {
    }

    public void AppendSummary(string markdown)
    {
    }

    public void Complete(RunOutcome outcome, string message)
    {
    }

    public void MaskSecret(string secret)
    {
    }

    public string NeutraliseLine(string line) => line;
}
