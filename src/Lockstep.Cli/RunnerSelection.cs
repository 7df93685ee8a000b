using Lockstep.AzureDevOps;
using Lockstep.Core.Platform;
using Lockstep.GitHub;

namespace Lockstep.Cli;

/// <summary>Picks the CI runner once, from the environment; nothing below the entry point asks again.</summary>
public static class RunnerSelection
{
    public static IRunnerContext For(CliContext context)
    {
        if (string.Equals(context.Variable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new GitHubActionsRunner(context.Out, context.Variable("GITHUB_OUTPUT"), context.Variable("GITHUB_STEP_SUMMARY"));
        }

        if (string.Equals(context.Variable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var temp = context.Variable("AGENT_TEMPDIRECTORY") ?? Path.Combine(Path.GetTempPath(), "lockstep");
            return new AzurePipelinesRunner(context.Out, temp);
        }

        return new LocalRunner();
    }
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
}
