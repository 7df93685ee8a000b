using Lockstep.Cli.Io;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Commands;

/// <summary>The gate as a CI step ran it: its exit code, its result, and the markdown report written for it.</summary>
public sealed record GateStep(int ExitCode, GateResult Result, string ReportPath, string Markdown);

/// <summary>
/// The steps every CI entrypoint (<c>github-action</c>, <c>azure-task</c>) takes, whatever the platform: gate, the PR
/// report with DORA, the sticky comment (a failure to post is a warning, never a verdict), and the exit code by
/// <c>fail-on</c>.
/// </summary>
public static class PullRequestSteps
{
    /// <summary>Runs <c>lockstep gate</c> with the platform's runner, writing the result and markdown beside each other.</summary>
    public static async Task<GateStep> GateAsync(GateSettings settings, CliContext context, IRunnerContext runner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exitCode = GateRun.Execute(settings, context, runner);
        var resultPath = settings.ResultPath!;
        var reportPath = settings.MarkdownPath!;
        var result = GateResultJson.Parse(await File.ReadAllTextAsync(resultPath, ct).ConfigureAwait(false), resultPath);
        var markdown = await File.ReadAllTextAsync(reportPath, ct).ConfigureAwait(false);
        return new GateStep(exitCode, result, reportPath, markdown);
    }

    /// <summary>The PR comment with the PR's lead time so far (when its opening time is known) and two-lane DORA from the events.</summary>
    public static string ReportWithDora(
        string policyPath, string eventsPath, GateResult result, Lane lane, int? prNumber, DateTimeOffset? prCreatedAt, bool plain, CliContext context)
    {
        var now = context.Clock.GetUtcNow();
        var policyFile = InputFile.Read(policyPath, context);
        var dora = Core.Policy.PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath).Dora;
        var log = DoraRun.ReadEvents(eventsPath, context, DoraCalculator.HorizonStart(dora, now));
        var report = DoraCalculator.Calculate(log.Events, dora, now, log.EarlierHistoryDropped);
        return PrReport.Render(new PrReportInput
        {
            Gate = result,
            PolicySource = policyFile.DisplayPath,
            Dora = report,
            PrView = prCreatedAt is { } created ? PrLeadTime.Calculate([], created, now, report.Lanes.Single(l => l.Lane == lane), dora.CommitTime) : null,
            Lane = lane,
            PrNumber = prNumber,
            Plain = plain,
        });
    }

    /// <summary>Creates or updates the sticky comment; sets <c>comment-url</c>. A host failure becomes a warning annotation.</summary>
    public static async Task<CommentResult?> CommentAsync(
        IPullRequestHost host,
        PullRequestTarget target,
        string reportId,
        string markdown,
        CommentMode mode,
        bool failing,
        CliContext context,
        IRunnerContext runner,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            var comment = await host.UpsertReportAsync(target, reportId, markdown, mode, failing, ct).ConfigureAwait(false);
            if (comment.Url is { } url)
            {
                runner.SetOutput("comment-url", url.ToString());
            }

            context.Out.WriteLine($"comment {comment.Outcome.ToString().ToLowerInvariant()}{(comment.Url is { } link ? $": {link}" : string.Empty)}");
            return comment;
        }
        catch (PullRequestHostException e)
        {
            // The verdict stands: a failing gate stays failing and a passing one is not turned into a crash.
            runner.Annotate(new Annotation(AnnotationLevel.Warning, e.Message, Title: "Lockstep could not update the PR comment"));
            return null;
        }
    }

    /// <summary>fail-on decides the step's result; a gate that could not decide fails it whatever the setting.</summary>
    public static int ExitCode(int gateExit, Verdict verdict, FailOn failOn) => verdict switch
    {
        Verdict.Error => gateExit,
        _ when FailOnRule.Fails(verdict, failOn) => ExitCodes.GateFailed,
        _ => ExitCodes.Pass,
    };
}
