using Lockstep.AzureDevOps;
using Lockstep.Cli.Io;
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
        ArgumentNullException.ThrowIfNull(context);

        // The task runs on Azure Pipelines by definition: RunnerSelection chose the Azure runner for this command.
        var runner = new HeldCompletionRunner(context.Runner);
        var token = AzureTaskInputs.TokenFrom(context.Environment) ?? context.Variable("SYSTEM_ACCESSTOKEN");
        if (!string.IsNullOrWhiteSpace(token))
        {
            runner.MaskSecret(token);
        }

        var pipeline = AzurePipelinesContext.FromEnvironment(context.Environment);
        var settings = pipeline is not null && !string.IsNullOrWhiteSpace(token)
            ? new AzureDevOpsSettings { CollectionUri = pipeline.CollectionUri, Project = pipeline.Project, Credential = AzureDevOpsCredential.FromToken(token), Retry = RetryNotes.Told(context) }
            : null;
        using var host = settings is not null ? new AzureDevOpsPullRequestHost(settings) : null;
        var pullRequest = host is not null ? pipeline?.PullRequest : null;
        if (pipeline is { ValidatesForeignPullRequest: true, RepositoryProvider: var provider })
        {
            var onGitHub = provider!.StartsWith("GitHub", StringComparison.OrdinalIgnoreCase)
                ? " For the comment on a GitHub pull request, run the GitHub Action (uses: lockstep-ml/lockstep@v1) in a GitHub workflow."
                : string.Empty;
            runner.Annotate(new Annotation(
                AnnotationLevel.Warning,
                $"this build validates a pull request of a {provider} repository, which Azure Repos cannot comment on or post a status to; the gate, its output variables and the summary are here as usual.{onGitHub}",
                Title: "Lockstep posts no pull request thread or status"));
        }

        try
        {
            var run = new TaskRun(AzureTaskInputs.FromEnvironment(context.Environment), pipeline, settings, host, pullRequest, runner);
            return await run.ExecuteAsync(context, ct).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            // The pull request must not keep an old status: say the gate could not run, then fail as usual.
            PullRequestSteps.PublishInputError(e, runner);
            if (pullRequest is { } failed)
            {
                await StatusAsync(host!, failed, new PullRequestStatus(PullRequestStatusState.Error, Describe($"Lockstep could not run: {e.Message}"), pipeline!.BuildUrl), runner, ct)
                    .ConfigureAwait(false);
            }

            runner.Release(RunOutcome.Failed, "Lockstep gate: error (an input could not be read)");
            throw;
        }
        finally
        {
            // Whatever ended the run, the task ends once; after a result was sent this does nothing.
            runner.Release(RunOutcome.Failed, "Lockstep gate: error");
        }
    }

    /// <summary>One run of the task, once its inputs are read.</summary>
    private sealed record TaskRun(
        AzureTaskInputs Inputs,
        AzurePipelinesContext? Pipeline,
        AzureDevOpsSettings? Settings,
        AzureDevOpsPullRequestHost? Host,
        PullRequestTarget? PullRequest,
        HeldCompletionRunner Runner)
    {
        public async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
        {
            if (Inputs.WorkingDirectory is { } directory)
            {
                context = context with { WorkingDirectory = context.Resolve(directory) };
            }

            var policyLink = PolicyLinks.AzureDevOps(context, Inputs.Policy);
            var temp = context.Variable("AGENT_TEMPDIRECTORY") ?? Path.GetTempPath();
            var reportPath = Path.Combine(temp, $"lockstep-{Inputs.ReportId}.md");
            var gate = GateRun.Execute(
                new GateSettings(Inputs.Policy, Inputs.Candidate, Inputs.Baseline, Path.ChangeExtension(reportPath, ".json"), reportPath) { MetricsPaths = Inputs.Drift, PolicyLink = policyLink },
                context,
                Runner);

            var failing = FailOnRule.Fails(gate.Result.Verdict, Inputs.FailOn);
            var exitCode = ExitCodes.For(gate.Result.Verdict, Inputs.FailOn);
            var markdown = gate.Markdown;
            if (await EventsAsync(temp, context, ct).ConfigureAwait(false) is { } eventsPath)
            {
                var created = PullRequest is { } pr ? await CreatedAsync(Host!, pr, Runner, ct).ConfigureAwait(false) : null;
                var comment = new PrReportInput
                {
                    Gate = PolicyLinks.WithRepositoryPaths(context, gate.Result),
                    Policy = policyLink,
                    Lane = Inputs.Lane,
                    PrNumber = PullRequest is null ? null : Pipeline?.PullRequestId,
                    Plain = true,
                    Dashboard = Inputs.DashboardUrl,
                };
                markdown = PullRequestSteps.ReportWithDora(
                    Inputs.Policy, eventsPath, comment, created, AzureDevOpsPullRequestHost.CommentLimit, context, Runner).Markdown;
                AtomicFiles.WriteAll([(reportPath, markdown)], context);
            }

            if (PullRequest is { } target)
            {
                if (Inputs.CommentMode != CommentMode.Off)
                {
                    await PullRequestSteps.CommentAsync(Host!, target, Inputs.ReportId, markdown, Inputs.CommentMode, failing, context, Runner, ct).ConfigureAwait(false);
                }

                await StatusAsync(Host!, target, Status(gate.Result, Inputs.FailOn, Pipeline!.BuildUrl), Runner, ct).ConfigureAwait(false);
            }

            Runner.Release(FailOnRule.Outcome(gate.Result.Verdict, Inputs.FailOn), $"Lockstep gate: {ActionWords.Name(gate.Result.Verdict)}");
            return exitCode;
        }

        /// <summary>
        /// The events file: the one given, or one read from the project into the agent's temp directory, only in an
        /// Azure Repos pull request build (outside one, nothing is called on Azure DevOps).
        /// </summary>
        private async Task<string?> EventsAsync(string temp, CliContext context, CancellationToken ct)
        {
            if (Inputs.Events is { } events || Inputs.Delivery is not { } delivery)
            {
                return Inputs.Events;
            }

            if (PullRequest is null)
            {
                if (Pipeline is { PullRequestId: not null, ValidatesForeignPullRequest: false })
                {
                    Runner.Annotate(new Annotation(AnnotationLevel.Warning, "doraSource azure-devops needs System.CollectionUri, System.TeamProject and a token; the report has no DORA section.", Title: "Lockstep could not read delivery events"));
                }
                else
                {
                    context.Out.WriteLine("note: doraSource azure-devops reads the project in an Azure Repos pull request build only; this run has no DORA section.");
                }

                return null;
            }

            var path = Path.Combine(temp, "lockstep-events.jsonl");
            try
            {
                await AzureDevOpsEventsRun.FetchAsync(Settings!, delivery with { Since = context.Clock.GetUtcNow().AddDays(-Inputs.DoraDays) }, path, context, ct)
                    .ConfigureAwait(false);
                return path;
            }
            catch (AzureDevOpsException e)
            {
                Runner.Annotate(new Annotation(AnnotationLevel.Warning, e.Message, Title: "Lockstep could not read delivery events"));
                return null;
            }
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

    /// <summary>The status follows the step (<see cref="FailOnRule.Fails"/>): failed when it fails, error when the gate could not decide.</summary>
    internal static PullRequestStatus Status(GateResult result, FailOn failOn, Uri? buildUrl)
    {
        var state = result.Verdict == Verdict.Error ? PullRequestStatusState.Error
            : FailOnRule.Fails(result.Verdict, failOn) ? PullRequestStatusState.Failed
            : PullRequestStatusState.Succeeded;
        var failed = result.Gates.Where(g => g.Status is GateStatus.Fail or GateStatus.Warn or GateStatus.Error).Select(g => g.Id).ToList();
        var action = result.Action is { } chosen ? $" — {ActionWords.Name(chosen.Kind)}" : string.Empty;
        var gates = failed.Count > 0 ? $" ({string.Join(", ", failed)})" : string.Empty;
        return new PullRequestStatus(state, Describe($"Lockstep gate: {ActionWords.Name(result.Verdict)}{action}{gates}"), buildUrl);
    }

    private static string Describe(string text) => text.Length <= 250 ? text : text[..249] + "…";
}
