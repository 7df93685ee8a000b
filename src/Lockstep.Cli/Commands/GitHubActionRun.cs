using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.GitHub;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The action's run: gate (outputs, annotations, summary), DORA when events are given, the sticky comment, and the
/// exit code by <c>fail-on</c>. A comment that cannot be posted is a warning; it never changes the verdict.
/// </summary>
public static class GitHubActionRun
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var inputs = ActionInputs.FromEnvironment(context.Environment);
        if (inputs.Token is { } token)
        {
            context.Out.WriteLine(WorkflowCommands.Format("add-mask", [], token));
        }

        if (inputs.WorkingDirectory is { } directory)
        {
            context = context with { WorkingDirectory = context.Resolve(directory) };
        }

        // The action runs on GitHub by definition, whatever GITHUB_ACTIONS says.
        IRunnerContext runner = new GitHubActionsRunner(context.Out, context.Variable("GITHUB_OUTPUT"), context.Variable("GITHUB_STEP_SUMMARY"));
        var reportPath = Path.Combine(context.Variable("RUNNER_TEMP") ?? Path.GetTempPath(), $"lockstep-{inputs.ReportId}.md");
        var gate = await PullRequestSteps.GateAsync(
            new GateSettings(inputs.Policy, inputs.Candidate, inputs.Baseline, Path.ChangeExtension(reportPath, ".json"), reportPath) { MetricsPaths = inputs.Metrics },
            context,
            runner,
            cancellationToken).ConfigureAwait(false);

        var pullRequest = PullRequestOf(context);
        var markdown = gate.Markdown;
        if (inputs.Events is { } eventsPath)
        {
            markdown = PullRequestSteps.ReportWithDora(
                inputs.Policy, eventsPath, gate.Result, inputs.Lane == "code" ? Lane.Code : Lane.Model, pullRequest?.Event.Number, pullRequest?.Event.CreatedAt, plain: false, context);
            await File.WriteAllTextAsync(reportPath, markdown, cancellationToken).ConfigureAwait(false);
        }

        if (pullRequest is { } pr && inputs.Token is { } commentToken && inputs.CommentMode != CommentMode.Off)
        {
            var host = new GitHubPullRequestHost(new GitHubHostSettings
            {
                Token = commentToken,
                ApiBaseAddress = context.Variable("GITHUB_API_URL") is { } api ? new Uri(api.TrimEnd('/') + "/") : GitHubHostSettings.PublicApi,
            });
            var failing = gate.Result.Verdict is Verdict.Fail or Verdict.Error;
            await PullRequestSteps.CommentAsync(host, pr.Target, inputs.ReportId, markdown, inputs.CommentMode, failing, context, runner, cancellationToken)
                .ConfigureAwait(false);
        }

        return PullRequestSteps.ExitCode(gate.ExitCode, gate.Result.Verdict, inputs.FailOn);
    }

    private static (PullRequestTarget Target, PullRequestEvent Event)? PullRequestOf(CliContext context)
    {
        if (context.Variable("GITHUB_EVENT_PATH") is not { } eventPath || context.Variable("GITHUB_REPOSITORY") is not { } repository
            || repository.Split('/') is not [var owner, var name])
        {
            return null;
        }

        var file = InputFile.Read(eventPath, context);
        try
        {
            var pr = PullRequestEvent.Parse(file.Text, file.DisplayPath);
            return (new PullRequestTarget(owner, name, pr.Number), pr);
        }
        catch (InputException)
        {
            // Not a pull_request event (a push, a schedule): there is no PR to comment on.
            return null;
        }
    }
}
