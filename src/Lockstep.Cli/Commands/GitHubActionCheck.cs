using Lockstep.Cli.Io;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;
using Lockstep.GitHub;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The action's check run: the gate as a completed check on the PR's head commit, with the annotations. When the
/// token may not create it (no <c>checks: write</c>, or a fork's read-only token) or GitHub fails, the annotations go
/// to the log as workflow commands instead; the verdict is never touched.
/// </summary>
internal static class GitHubActionCheck
{
    public static async Task PublishAsync(
        ActionInputs inputs,
        GateResult result,
        string markdown,
        string? headSha,
        ActionStepRunner step,
        CliContext context,
        CancellationToken cancellationToken)
    {
        if (!inputs.CheckRun || inputs.Token is not { } token || headSha is null
            || context.Variable("GITHUB_REPOSITORY")?.Split('/') is not [var owner, var repository])
        {
            step.Release();
            return;
        }

        var checks = new GitHubCheckRuns(new GitHubHostSettings { Token = token, ApiBaseAddress = GitHubActionRun.ApiBase(context), Retry = RetryNotes.Told(context) });
        var report = new CheckRunReport(owner, repository, headSha, Name(inputs.ReportId), Conclusion(result.Verdict, inputs.FailOn), Title(result), markdown, step.Held)
        {
            ExternalId = inputs.ReportId,
            DetailsUrl = RunUrl(context),
        };
        try
        {
            var url = await checks.PublishAsync(report, cancellationToken).ConfigureAwait(false);
            step.SetOutput("check-run-url", url.ToString());
            context.Out.WriteLine($"check run created: {url}");
        }
        catch (PullRequestHostException e)
        {
            step.Release();
            context.Out.WriteLine($"note: {e.Message}");
        }
    }

    internal static string Name(string reportId) => reportId == ActionInputs.DefaultReportId ? "Lockstep gate" : $"Lockstep gate ({reportId})";

    /// <summary>The check's colour follows the step's result under <c>fail-on</c> (<see cref="FailOnRule.Fails"/>), so the two never disagree.</summary>
    internal static CheckRunConclusion Conclusion(Verdict verdict, FailOn failOn) =>
        FailOnRule.Fails(verdict, failOn) ? CheckRunConclusion.Failure
        : verdict == Verdict.Pass ? CheckRunConclusion.Success
        : CheckRunConclusion.Neutral;

    private static string Title(GateResult result)
    {
        var notPassing = result.Gates.Count(g => g.Status is not (GateStatus.Pass or GateStatus.Skipped));
        var verdict = ActionWords.Name(result.Verdict);
        return notPassing == 0
            ? $"{verdict}: all {result.Gates.Count} gates pass"
            : $"{verdict}: {notPassing} of {result.Gates.Count} gates did not pass";
    }

    internal static Uri? RunUrl(CliContext context) =>
        context.Variable("GITHUB_SERVER_URL") is { } server && context.Variable("GITHUB_REPOSITORY") is { } repository
        && context.Variable("GITHUB_RUN_ID") is { } run
        && Uri.TryCreate($"{server.TrimEnd('/')}/{repository}/actions/runs/{run}", UriKind.Absolute, out var url)
            ? url
            : null;
}
