using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;
using Lockstep.GitHub;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The action's run: gate (outputs, step, summary), DORA when events are given, the sticky comment, and the
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

        var workspace = context.Resolve(context.Variable("GITHUB_WORKSPACE") ?? ".");
        if (inputs.WorkingDirectory is { } directory)
        {
            context = context with { WorkingDirectory = context.Resolve(directory) };
        }

        // The action runs on GitHub by definition, whatever GITHUB_ACTIONS says.
        IRunnerContext runner = new GitHubActionsRunner(context.Out, context.Variable("GITHUB_OUTPUT"), context.Variable("GITHUB_STEP_SUMMARY"));
        var step = new ActionStepRunner(runner, context.WorkingDirectory, workspace);

        // In the workspace, the one folder a container action shares with the job's other steps (RUNNER_TEMP is not mounted).
        var reportPath = Path.Combine(workspace, ".lockstep", "reports", $"{inputs.ReportId}.md");
        var resultPath = Path.ChangeExtension(reportPath, ".json");
        var gateExit = GateRun.Execute(
            new GateSettings(inputs.Policy, inputs.Candidate, inputs.Baseline, resultPath, reportPath) { MetricsPaths = inputs.Drift },
            context,
            step);
        var result = GateResultJson.Parse(await File.ReadAllTextAsync(resultPath, cancellationToken).ConfigureAwait(false), resultPath);

        var pullRequest = PullRequestOf(context);
        var markdown = await File.ReadAllTextAsync(reportPath, cancellationToken).ConfigureAwait(false);
        if ((inputs.Events ?? await ActionDoraEvents.FromGitHubAsync(inputs, context, runner, cancellationToken).ConfigureAwait(false)) is { } eventsPath)
        {
            markdown = PrCommentWithDora(inputs, eventsPath, result, pullRequest, context);
            await File.WriteAllTextAsync(reportPath, markdown, cancellationToken).ConfigureAwait(false);
        }

        await CommentAsync(inputs, pullRequest, markdown, result, context, runner, cancellationToken).ConfigureAwait(false);
        var headSha = pullRequest?.Event.Head?.Sha ?? context.Variable("GITHUB_SHA");
        await GitHubActionCheck.PublishAsync(inputs, result, markdown, headSha, step, context, cancellationToken).ConfigureAwait(false);
        return ExitCode(gateExit, result.Verdict, inputs.FailOn);
    }

    /// <summary>The REST API of the server the workflow runs on (GitHub Enterprise Server sets its own).</summary>
    internal static Uri ApiBase(CliContext context) =>
        context.Variable("GITHUB_API_URL") is { } api ? new Uri(api.TrimEnd('/') + "/") : GitHubHostSettings.PublicApi;

    /// <summary>fail-on decides the step's result; a gate that could not decide fails it whatever the setting.</summary>
    internal static int ExitCode(int gateExit, Verdict verdict, FailOn failOn) => verdict switch
    {
        Verdict.Error => gateExit,
        Verdict.Fail when failOn != FailOn.Never => ExitCodes.GateFailed,
        Verdict.Warn when failOn == FailOn.Warn => ExitCodes.GateFailed,
        _ => ExitCodes.Pass,
    };

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

    private static string PrCommentWithDora(
        ActionInputs inputs, string eventsPath, GateResult result, (PullRequestTarget Target, PullRequestEvent Event)? pullRequest, CliContext context)
    {
        var now = context.Clock.GetUtcNow();
        var policyFile = InputFile.Read(inputs.Policy, context);
        var dora = Core.Policy.PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath).Dora;
        var log = DoraRun.ReadEvents(eventsPath, context, DoraCalculator.HorizonStart(dora, now));
        var report = DoraCalculator.Calculate(log.Events, dora, now, log.EarlierHistoryDropped);
        var lane = inputs.Lane == "code" ? Lane.Code : Lane.Model;
        return PrReport.Render(new PrReportInput
        {
            Gate = result,
            PolicySource = policyFile.DisplayPath,
            Dora = report,
            PrView = pullRequest is { } pr ? PrLeadTime.Calculate([], pr.Event.CreatedAt, now, report.Lanes.Single(l => l.Lane == lane), dora.CommitTime) : null,
            Lane = lane,
            PrNumber = pullRequest?.Event.Number,
        });
    }

    private static async Task CommentAsync(
        ActionInputs inputs,
        (PullRequestTarget Target, PullRequestEvent Event)? pullRequest,
        string markdown,
        GateResult result,
        CliContext context,
        IRunnerContext runner,
        CancellationToken cancellationToken)
    {
        if (pullRequest is not { } pr || inputs.Token is not { } token || inputs.CommentMode == CommentMode.Off)
        {
            return;
        }

        var host = new GitHubPullRequestHost(new GitHubHostSettings
        {
            Token = token,
            ApiBaseAddress = ApiBase(context),
        });
        try
        {
            var failing = result.Verdict is Verdict.Fail or Verdict.Error;
            var comment = await host.UpsertReportAsync(pr.Target, inputs.ReportId, markdown, inputs.CommentMode, failing, cancellationToken).ConfigureAwait(false);
            if (comment.Url is { } url)
            {
                runner.SetOutput("comment-url", url.ToString());
            }

            context.Out.WriteLine($"comment {comment.Outcome.ToString().ToLowerInvariant()}{(comment.Url is { } link ? $": {link}" : string.Empty)}");
        }
        catch (PullRequestHostException e)
        {
            // The verdict stands: a failing gate stays failing and a passing one is not turned into a crash.
            runner.Annotate(new Annotation(AnnotationLevel.Warning, e.Message, Title: "Lockstep could not update the PR comment"));
        }
    }
}
