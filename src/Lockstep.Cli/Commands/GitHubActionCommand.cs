using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep github-action</c>: the entrypoint of the GitHub Action (action.yml), driven by <c>INPUT_*</c> variables.</summary>
public static class GitHubActionCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("github-action", """
            Run as the GitHub Action's entrypoint: read the inputs from INPUT_* variables (policy, candidate, baseline,
            metrics, events, dora-source, dora-cache, github-token, comment-mode, report-id, lane, fail-on,
            working-directory), gate, compute DORA when events are given or read from GitHub (dora-source: github),
            keep one sticky PR comment up to date, and set the step's outputs
            (verdict, action, failed-gates, report-path, comment-url). See docs/github-action.md.

            Example (what the action's container runs; the runner sets the variables):
              INPUT_CANDIDATE=candidate.json INPUT_BASELINE=baseline.json lockstep github-action
            """);
        command.SetAction((_, cancellationToken) => GitHubActionRun.ExecuteAsync(context(), cancellationToken));
        return command;
    }
}
