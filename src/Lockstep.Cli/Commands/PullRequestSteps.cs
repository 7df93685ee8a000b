using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Commands;

/// <summary>The pull request report with DORA: the comment's markdown and the DORA report it was made from.</summary>
public sealed record DoraComment(string Markdown, DoraReport Dora);

/// <summary>
/// The steps every CI entrypoint (<c>github-action</c>, <c>azure-task</c>) takes, whatever the platform: the PR
/// report with DORA, the sticky comment (a failure to post is a warning, never a verdict), the exit code by
/// <c>fail-on</c>, and what a run whose inputs cannot be read still publishes.
/// </summary>
public static class PullRequestSteps
{
    /// <summary>
    /// The PR comment with the PR's lead time so far (when its opening time is known) and two-lane DORA from the
    /// events, within <paramref name="maxLength"/> characters; the DORA section is added to the run's summary too.
    /// </summary>
    /// <param name="comment">The comment without DORA (gate, policy link, lane, PR number, variant, dashboard); the DORA report and the PR's lead time are added.</param>
    public static DoraComment ReportWithDora(
        string policyPath, string eventsPath, PrReportInput comment, DateTimeOffset? prCreatedAt, int maxLength, CliContext context, IRunnerContext runner)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runner);
        var now = context.Clock.GetUtcNow();
        var policyFile = InputFile.Read(policyPath, context);
        var dora = Core.Policy.PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath).Dora;
        var log = DoraRun.ReadEvents(eventsPath, context, DoraCalculator.HorizonStart(dora, now));
        var report = DoraCalculator.Calculate(log.Events, dora, now, log.EarlierHistoryDropped);
        var markdown = PrReport.Render(
            comment with
            {
                Dora = report,
                PrView = prCreatedAt is { } created ? PrLeadTime.Calculate([], created, now, report.Lanes.Single(l => l.Lane == comment.Lane), dora.CommitTime) : null,
            },
            maxLength);
        runner.AppendSummary(DoraMarkdown.Render(report));
        return new DoraComment(markdown, report);
    }

    /// <summary>Creates or updates the sticky comment; sets <c>comment-url</c>. A host failure becomes a warning annotation.</summary>
    /// <param name="failing">Whether the step fails (<see cref="FailOnRule.Fails"/>), for the <c>failures</c> mode.</param>
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

    /// <summary>
    /// A run whose inputs could not be read still says so where a workflow looks: the <c>verdict</c> output is
    /// <c>error</c> and the summary gives the reason. The caller then ends with the one error line and exit code 2.
    /// </summary>
    public static void PublishInputError(InputException error, IRunnerContext runner)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(runner);
        runner.SetOutput("verdict", ActionWords.Name(Verdict.Error));
        runner.AppendSummary(InputErrorReport.Render(error.Message));
    }
}
