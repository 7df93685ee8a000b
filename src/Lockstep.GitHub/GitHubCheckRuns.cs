using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;
using Octokit;

namespace Lockstep.GitHub;

/// <summary>
/// Publishes a gate as a completed check run with its annotations. GitHub takes at most 50 annotations per request,
/// so the rest follow in updates of the same run. Needs <c>checks: write</c>; without it the caller falls back to
/// workflow-command annotations. A create that failed in a way that may have stored it is not simply sent again: the
/// commit's check runs are listed first, and the run with this name, external id and completion time is taken if it
/// is there.
/// </summary>
public sealed class GitHubCheckRuns
{
    /// <summary>GitHub's limits on a check run's output.</summary>
    public const int MaxAnnotationsPerRequest = 50;

    public const int MaxSummaryLength = 65_535;

    private const string MissingPermission =
        "the token may not create check runs: give the job `permissions: checks: write`; the annotations are in the log instead.";

    private const string TruncationNote = "_This summary was cut to fit GitHub's 65,535-character limit; the job summary has all of it._";

    private readonly ICheckRunsClient runs;
    private readonly GitHubExchange exchange;
    private readonly TimeProvider clock;

    public GitHubCheckRuns(GitHubHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var resilience = GitHubClientFactory.Resilience(settings.Retry);
        runs = GitHubClientFactory.Create(settings, resilience).Check.Run;
        exchange = new GitHubExchange(resilience, settings.Token, GitHubAdvice.Comments);
        clock = settings.Retry.Clock;
    }

    /// <summary>Creates the check run and returns its page.</summary>
    /// <exception cref="CommentNotPermittedException">The token lacks <c>checks: write</c>.</exception>
    /// <exception cref="PullRequestHostException">GitHub failed beyond the retry policy.</exception>
    public async Task<Uri> PublishAsync(CheckRunReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var what = $"Lockstep check run '{report.Name}' not created on {report.Owner}/{report.Repository}@{report.HeadSha[..Math.Min(7, report.HeadSha.Length)]}";
        var batches = report.Annotations.Where(a => a.File is not null).Select(ToGitHub).Chunk(MaxAnnotationsPerRequest).ToList();
        var summary = MarkdownFit.Fit(report.Summary, MaxSummaryLength, TruncationNote);

        // GitHub keeps whole seconds; the same value is what tells this run's check run from an earlier one.
        var now = clock.GetUtcNow();
        var completedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset);
        var tries = 0;
        var created = await exchange.RunCreatingAsync(
            what,
            async () =>
            {
                if (tries++ > 0 && await FindAsync(report, completedAt).ConfigureAwait(false) is { } stored)
                {
                    return stored;
                }

                return await runs.Create(report.Owner, report.Repository, new NewCheckRun(report.Name, report.HeadSha)
                {
                    Status = CheckStatus.Completed,
                    Conclusion = Conclusion(report.Conclusion),
                    CompletedAt = completedAt,
                    ExternalId = report.ExternalId,
                    DetailsUrl = report.DetailsUrl?.ToString(),
                    Output = Output(report.Title, summary, batches.FirstOrDefault()),
                }).ConfigureAwait(false);
            },
            ct,
            MissingPermission).ConfigureAwait(false);

        foreach (var batch in batches.Skip(1))
        {
            await exchange.RunAsync(
                what,
                () => runs.Update(report.Owner, report.Repository, created.Id, new CheckRunUpdate { Output = Output(report.Title, summary, batch) }),
                ct,
                MissingPermission).ConfigureAwait(false);
        }

        return new Uri(created.HtmlUrl);
    }

    /// <summary>This run's check run if an earlier create stored it: same commit, name, external id and completion time.</summary>
    private async Task<CheckRun?> FindAsync(CheckRunReport report, DateTimeOffset completedAt)
    {
        var listed = await runs.GetAllForReference(
            report.Owner, report.Repository, report.HeadSha, new CheckRunRequest { CheckName = report.Name, Filter = CheckRunCompletedAtFilter.All }, new ApiOptions { PageSize = 100 })
            .ConfigureAwait(false);
        return listed.CheckRuns.FirstOrDefault(run =>
            string.Equals(run.HeadSha, report.HeadSha, StringComparison.OrdinalIgnoreCase)
            && string.Equals(run.Name, report.Name, StringComparison.Ordinal)
            && string.Equals(run.ExternalId, report.ExternalId, StringComparison.Ordinal)
            && run.CompletedAt == completedAt);
    }

    private static NewCheckRunOutput Output(string title, string summary, NewCheckRunAnnotation[]? annotations) =>
        new(title, summary) { Annotations = annotations ?? [] };

    private static NewCheckRunAnnotation ToGitHub(Annotation annotation)
    {
        var line = Math.Max(annotation.Line ?? 1, 1);
        var level = annotation.Level == AnnotationLevel.Error ? CheckAnnotationLevel.Failure : CheckAnnotationLevel.Warning;
        return new NewCheckRunAnnotation(annotation.File!.Replace('\\', '/'), line, line, level, annotation.Message) { Title = annotation.Title };
    }

    private static CheckConclusion Conclusion(CheckRunConclusion conclusion) => conclusion switch
    {
        CheckRunConclusion.Success => CheckConclusion.Success,
        CheckRunConclusion.Neutral => CheckConclusion.Neutral,
        _ => CheckConclusion.Failure,
    };
}
