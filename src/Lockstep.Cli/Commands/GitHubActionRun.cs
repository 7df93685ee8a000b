using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;
using Lockstep.GitHub;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The action's run: gate (outputs, step, summary), DORA when events are given, the sticky comment, and the
/// exit code by <c>fail-on</c>. A comment that cannot be posted is a warning; it never changes the verdict. Inputs
/// that cannot be read still set <c>verdict=error</c> and say why in the summary.
/// </summary>
public static class GitHubActionRun
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The action runs on GitHub by definition: RunnerSelection chose the GitHub runner for this command.
        var runner = context.Runner;
        if (ActionInputs.TokenFrom(context.Environment) is { } token)
        {
            runner.MaskSecret(token);
        }

        try
        {
            return await RunAsync(ActionInputs.FromEnvironment(context.Environment), context, runner, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            PullRequestSteps.PublishInputError(e, runner);
            throw;
        }
    }

    private static async Task<int> RunAsync(ActionInputs inputs, CliContext context, IRunnerContext runner, CancellationToken cancellationToken)
    {
        var workspace = context.Resolve(context.Variable("GITHUB_WORKSPACE") ?? ".");
        if (inputs.WorkingDirectory is { } directory)
        {
            context = context with { WorkingDirectory = context.Resolve(directory) };
        }

        var step = new ActionStepRunner(runner, context.WorkingDirectory, workspace);
        var pullRequest = PullRequestOf(context);
        var headSha = pullRequest?.Event.Head?.Sha ?? context.Variable("GITHUB_SHA");
        var policyLink = PolicyLinks.GitHub(context, inputs.Policy, headSha);

        // In the workspace, the one folder a container action shares with the job's other steps (RUNNER_TEMP is not mounted).
        var reportPath = Path.Combine(workspace, ".lockstep", "reports", $"{inputs.ReportId}.md");
        var gate = GateRun.Execute(
            new GateSettings(inputs.Policy, inputs.Candidate, inputs.Baseline, Path.ChangeExtension(reportPath, ".json"), reportPath) { MetricsPaths = inputs.Drift, PolicyLink = policyLink },
            context,
            step);

        var markdown = gate.Markdown;
        if ((inputs.Events ?? await ActionDoraEvents.FromGitHubAsync(inputs, context, runner, cancellationToken).ConfigureAwait(false)) is { } eventsPath)
        {
            var comment = new PrReportInput
            {
                Gate = PolicyLinks.WithRepositoryPaths(context, gate.Result),
                Policy = policyLink,
                Lane = inputs.Lane == "code" ? Lane.Code : Lane.Model,
                PrNumber = pullRequest?.Event.Number,
                Dashboard = inputs.DashboardUrl,
            };
            markdown = PullRequestSteps.ReportWithDora(
                inputs.Policy, eventsPath, comment, pullRequest?.Event.CreatedAt, GitHubPullRequestHost.CommentLimit, context, runner).Markdown;
            AtomicFiles.WriteAll([(reportPath, markdown)], context);
        }

        var failing = FailOnRule.Fails(gate.Result.Verdict, inputs.FailOn);
        if (pullRequest is { } pr && inputs.Token is { } commentToken && inputs.CommentMode != CommentMode.Off)
        {
            var host = new GitHubPullRequestHost(new GitHubHostSettings { Token = commentToken, ApiBaseAddress = ApiBase(context), Retry = RetryNotes.Told(context) });
            await PullRequestSteps.CommentAsync(host, pr.Target, inputs.ReportId, markdown, inputs.CommentMode, failing, context, runner, cancellationToken)
                .ConfigureAwait(false);
        }

        await GitHubActionCheck.PublishAsync(inputs, gate.Result, markdown, headSha, step, context, cancellationToken).ConfigureAwait(false);
        return ExitCodes.For(gate.Result.Verdict, inputs.FailOn);
    }

    /// <summary>The REST API of the server the workflow runs on (GitHub Enterprise Server sets its own).</summary>
    internal static Uri ApiBase(CliContext context) =>
        context.Variable("GITHUB_API_URL") is { } api ? new Uri(api.TrimEnd('/') + "/") : GitHubHostSettings.PublicApi;

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
