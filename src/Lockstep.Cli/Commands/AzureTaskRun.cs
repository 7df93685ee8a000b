using Lockstep.AzureDevOps;
using Lockstep.Core;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The Azure DevOps task's run: gate (issues, output variables, summary), DORA from an events file or from the
/// project, the sticky pull request thread, the pull request status, and one task result by <c>failOn</c>. Nothing
/// that fails on the way to Azure DevOps changes the verdict: it becomes a warning.
/// </summary>
public static class AzureTaskRun
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var inputs = AzureTaskInputs.FromEnvironment(context.Environment);
        var token = inputs.Token ?? context.Variable("SYSTEM_ACCESSTOKEN");
        if (!string.IsNullOrWhiteSpace(token))
        {
            context.Out.WriteLine(LoggingCommands.Format("task.setsecret", [], token));
        }

        if (inputs.WorkingDirectory is { } directory)
        {
            context = context with { WorkingDirectory = context.Resolve(directory) };
        }

        // The task runs on Azure Pipelines by definition, whatever TF_BUILD says.
        var temp = context.Variable("AGENT_TEMPDIRECTORY") ?? Path.GetTempPath();
        var runner = new HeldCompletionRunner(new AzurePipelinesRunner(context.Out, temp));
        var pipeline = AzurePipelinesContext.FromEnvironment(context.Environment);
        var settings = pipeline is not null && !string.IsNullOrWhiteSpace(token)
            ? new AzureDevOpsSettings { CollectionUri = pipeline.CollectionUri, Project = pipeline.Project, Credential = AzureDevOpsCredential.FromToken(token) }
            : null;
        using var host = settings is not null ? new AzureDevOpsPullRequestHost(settings) : null;
        var pullRequest = host is not null ? pipeline?.PullRequest : null;

        GateStep gate;
        var reportPath = Path.Combine(temp, $"lockstep-{inputs.ReportId}.md");
        try
        {
            gate = await PullRequestSteps.GateAsync(
                new GateSettings(inputs.Policy, inputs.Candidate, inputs.Baseline, Path.ChangeExtension(reportPath, ".json"), reportPath) { MetricsPaths = inputs.Drift },
                context,
                runner,
                ct).ConfigureAwait(false);
        }
        catch (InputException e) when (pullRequest is { } failed)
        {
            // The pull request must not keep an old status: say the gate could not run, then fail as usual.
            await StatusAsync(host!, failed, new PullRequestStatus(PullRequestStatusState.Error, Describe($"Lockstep could not run: {e.Message}"), pipeline!.BuildUrl), runner, ct)
                .ConfigureAwait(false);
            runner.Release(RunOutcome.Failed, "Lockstep gate: bad input");
            throw;
        }

        var exitCode = PullRequestSteps.ExitCode(gate.ExitCode, gate.Result.Verdict, inputs.FailOn);
        var blocking = exitCode != ExitCodes.Pass;
        var markdown = gate.Markdown;
        if (await EventsAsync(inputs, settings, temp, context, runner, ct).ConfigureAwait(false) is { } eventsPath)
        {
            var created = pullRequest is { } pr ? await CreatedAsync(host!, pr, runner, ct).ConfigureAwait(false) : null;
            markdown = PullRequestSteps.ReportWithDora(
                inputs.Policy, eventsPath, gate.Result, inputs.Lane, pipeline?.PullRequestId, created, plain: true, context);
            await File.WriteAllTextAsync(reportPath, markdown, ct).ConfigureAwait(false);
        }

        if (pullRequest is { } target)
        {
            if (inputs.CommentMode != CommentMode.Off)
            {
                await PullRequestSteps.CommentAsync(host!, target, inputs.ReportId, markdown, inputs.CommentMode, blocking, context, runner, ct).ConfigureAwait(false);
            }

            await StatusAsync(host!, target, Status(gate.Result, exitCode, pipeline!.BuildUrl), runner, ct).ConfigureAwait(false);
        }

        runner.Release(Outcome(gate.Result.Verdict, exitCode), $"Lockstep gate: {ActionWords.Name(gate.Result.Verdict)}");
        return exitCode;
    }

    /// <summary>The events file: the one given, or one read from the project into the agent's temp directory.</summary>
    private static async Task<string?> EventsAsync(
        AzureTaskInputs inputs, AzureDevOpsSettings? settings, string temp, CliContext context, HeldCompletionRunner runner, CancellationToken ct)
    {
        if (inputs.Events is { } events || inputs.Delivery is not { } delivery)
        {
            return inputs.Events;
        }

        if (settings is null)
        {
            runner.Annotate(new Annotation(AnnotationLevel.Warning, "doraSource azure-devops needs System.CollectionUri, System.TeamProject and a token; the report has no DORA section.", Title: "Lockstep could not read delivery events"));
            return null;
        }

        var path = Path.Combine(temp, "lockstep-events.jsonl");
        try
        {
            await AzureDevOpsEventsRun.FetchAsync(settings, delivery with { Since = context.Clock.GetUtcNow().AddDays(-inputs.DoraDays) }, path, context, ct)
                .ConfigureAwait(false);
            return path;
        }
        catch (AzureDevOpsException e)
        {
            runner.Annotate(new Annotation(AnnotationLevel.Warning, e.Message, Title: "Lockstep could not read delivery events"));
            return null;
        }
    }

    private static async Task<DateTimeOffset?> CreatedAsync(AzureDevOpsPullRequestHost host, PullRequestTarget target, HeldCompletionRunner runner, CancellationToken ct)
    {
        try
        {
            return await host.GetCreationDateAsync(target, ct).ConfigureAwait(false);
        }
        catch (PullRequestHostException e)
        {
            runner.Annotate(new Annotation(AnnotationLevel.Warning, e.Message, Title: "Lockstep could not read the pull request"));
            return null;
        }
    }

    private static async Task StatusAsync(AzureDevOpsPullRequestHost host, PullRequestTarget target, PullRequestStatus status, HeldCompletionRunner runner, CancellationToken ct)
    {
        try
        {
            await host.PostStatusAsync(target, status, ct).ConfigureAwait(false);
        }
        catch (PullRequestHostException e)
        {
            runner.Annotate(new Annotation(AnnotationLevel.Warning, e.Message, Title: "Lockstep could not post the pull request status"));
        }
    }

    /// <summary>The status follows the step: failed when it fails, error when the gate could not decide.</summary>
    internal static PullRequestStatus Status(GateResult result, int exitCode, Uri? buildUrl)
    {
        var state = result.Verdict == Verdict.Error ? PullRequestStatusState.Error
            : exitCode == ExitCodes.Pass ? PullRequestStatusState.Succeeded
            : PullRequestStatusState.Failed;
        var failed = result.Gates.Where(g => g.Status is GateStatus.Fail or GateStatus.Warn or GateStatus.Error).Select(g => g.Id).ToList();
        var action = result.Action is { } chosen ? $" — {ActionWords.Name(chosen.Kind)}" : string.Empty;
        var gates = failed.Count > 0 ? $" ({string.Join(", ", failed)})" : string.Empty;
        return new PullRequestStatus(state, Describe($"Lockstep gate: {ActionWords.Name(result.Verdict)}{action}{gates}"), buildUrl);
    }

    private static RunOutcome Outcome(Verdict verdict, int exitCode) => exitCode != ExitCodes.Pass
        ? RunOutcome.Failed
        : verdict == Verdict.Pass ? RunOutcome.Succeeded : RunOutcome.SucceededWithIssues;

    private static string Describe(string text) => text.Length <= 250 ? text : text[..249] + "…";
}
