using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep github-action</c>: the entrypoint of the GitHub Action (action.yml), driven by <c>INPUT_*</c> variables.</summary>
public static class GitHubActionCommand
{
    public const string Name = "github-action";

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command(Name, """
            Run as the GitHub Action's entrypoint: read the inputs (listed below) from INPUT_* variables, gate, compute
            DORA when events are given or read from GitHub (dora-source: github), keep one sticky PR comment up to
            date, publish a check run, and set the step's outputs (verdict, action, failed-gates, report-path,
            comment-url, check-run-url). See docs/github-action.md.

            Example (what the action's container runs; the runner sets the variables):
              INPUT_CANDIDATE=candidate.json INPUT_BASELINE=baseline.json lockstep github-action
            """);
        command.SetAction((_, cancellationToken) => GitHubActionRun.ExecuteAsync(context(), cancellationToken));
        return command;
    }
}
