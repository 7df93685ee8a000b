using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep azure-task</c>: the entrypoint of the Azure DevOps extension's task, driven by <c>INPUT_*</c> variables.</summary>
public static class AzureTaskCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("azure-task", """
            Run as the Azure DevOps task's entrypoint: read the task's inputs from INPUT_* variables (INPUT_CANDIDATE,
            INPUT_COMMENTMODE, …, as azure-pipelines-task-lib names them), gate, compute DORA from an events file or
            from the project (doraSource: azure-devops), keep one sticky pull request thread up to date (active while
            the gate blocks, closed once it passes), post the pull request status lockstep/gate, and set the output
            variables (verdict, action, failedGates, reportPath, commentUrl). See docs/azure-devops.md.

            Example (what the task runs; the agent sets the variables):
              INPUT_CANDIDATE=candidate.json INPUT_BASELINE=baseline.json lockstep azure-task
            """);
        command.SetAction((_, cancellationToken) => AzureTaskRun.ExecuteAsync(context(), cancellationToken));
        return command;
    }
}
