using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Lockstep.Core.Alerts;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;
using Octokit;
using Octokit.Internal;

namespace Lockstep.GitHub;

/// <summary>
/// Monitor alerts on GitHub: one open issue per report id and cause, found by its label and marker; a raise opens it
/// (remediation pending), sends a <c>repository_dispatch</c> and marks it started; later runs comment the figures while
/// it fires and close it (completed) with the figures once it recovers. An issue whose remediation never started (the
/// dispatch failed) gets it on the next firing run instead of a second issue.
/// </summary>
public sealed class GitHubAlertSink : IAlertSink
{
    private const int PageSize = 100;

    /// <summary>GitHub's limit on an issue body or comment, in characters.</summary>
    private const int BodyLimit = 65_536;

    private const string TruncationNote = "_These figures were cut to fit GitHub's 65,536-character limit; the monitor run's report has all of them._";
    private const string IssuesPermission = "give the workflow `permissions: issues: write` (a token from a fork's pull request is read-only).";
    private const string DispatchPermission = "give the workflow `permissions: contents: write`, which repository_dispatch needs.";

    private readonly GitHubClient client;
    private readonly GitHubExchange exchange;
    private readonly GitHubAlertTarget target;

    public GitHubAlertSink(GitHubHostSettings settings, GitHubAlertTarget target, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Labels.Count == 0)
        {
            throw new ArgumentException("an incident issue needs at least one label", nameof(target));
        }

        var resilience = GitHubClientFactory.Resilience(settings.Retry);
        var http = GitHubClientFactory.Adapter(resilience, transport ?? HttpMessageHandlerFactory.CreateDefault());
        client = new GitHubClient(GitHubClientFactory.Connect(settings.ApiBaseAddress, settings.Token, http));
        exchange = new GitHubExchange(resilience, settings.Token, GitHubAdvice.Alerts);
        this.target = target;
    }

    public string Name => "github";

    public Task<AlertResult> SyncAsync(MonitorAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);

        // A create or dispatch answered with a 5xx, or not at all, may have been carried out: the whole exchange runs
        // again, and since it starts by looking for the open issue and reading its marker, it never opens a second one.
        // What a refusal means depends on the call refused: the dispatch needs another permission than the issue.
        var permission = new StrongBox<string>(IssuesPermission);
        return exchange.RunCreatingAsync(
            $"Lockstep alert '{alert.ReportId}' ({AlertMarker.CauseName(alert.Cause)}) not synced on {target}",
            () =>
            {
                permission.Value = IssuesPermission;
                return SyncOnceAsync(alert, permission);
            },
            () => permission.Value,
            cancellationToken);
    }

    private async Task<AlertResult> SyncOnceAsync(MonitorAlert alert, StrongBox<string> permission)
    {
        var open = await FindAsync(alert).ConfigureAwait(false);
        switch (AlertDecision.Decide(alert.Firing, open is null ? null : open.Value.Stamp))
        {
            case AlertStep.Raise:
                var marker = AlertMarker.Format(new AlertStamp(alert.ReportId, alert.Cause, RemediationStarted: false));
                var body = marker + "\n" + Fit(alert.Figures, BodyLimit - marker.Length - 1);
                var issue = await client.Issue.Create(target.Owner, target.Repository, NewIssue(alert, body)).ConfigureAwait(false);
                return await StartRemediationAsync(alert, issue, body, permission).ConfigureAwait(false);
            case AlertStep.StartRemediation:
                return await StartRemediationAsync(alert, open!.Value.Issue, open.Value.Issue.Body, permission).ConfigureAwait(false);
            case AlertStep.Update:
                await client.Issue.Comment.Create(target.Owner, target.Repository, open!.Value.Issue.Number, Fit(alert.Figures, BodyLimit)).ConfigureAwait(false);
                return new AlertResult(AlertChange.Updated, open.Value.Issue.HtmlUrl);
            case AlertStep.Resolve:
                var number = open!.Value.Issue.Number;
                await client.Issue.Comment.Create(target.Owner, target.Repository, number, Fit(alert.Figures, BodyLimit)).ConfigureAwait(false);
                var closed = await client.Issue.Update(
                    target.Owner, target.Repository, number, new IssueUpdate { State = ItemState.Closed, StateReason = ItemStateReason.Completed }).ConfigureAwait(false);
                return new AlertResult(AlertChange.Resolved, closed.HtmlUrl);
            default:
                return new AlertResult(AlertChange.Quiet, null);
        }
    }

    /// <summary>Dispatches the remediation, then marks the issue started: a failed dispatch leaves it pending for the next run.</summary>
    /// <param name="body">The issue's body as written, which starts with the marker.</param>
    private async Task<AlertResult> StartRemediationAsync(MonitorAlert alert, Issue issue, string body, StrongBox<string> permission)
    {
        var payload = new JsonObject
        {
            ["event_type"] = target.EventType,
            ["client_payload"] = RemediationPayload.ClientPayload(alert, issue.HtmlUrl),
        };
        var dispatches = new Uri($"repos/{Uri.EscapeDataString(target.Owner)}/{Uri.EscapeDataString(target.Repository)}/dispatches", UriKind.Relative);
        permission.Value = DispatchPermission;
        await client.Connection.Post<object>(dispatches, payload.ToJsonString(), "application/vnd.github+json", "application/json").ConfigureAwait(false);
        permission.Value = IssuesPermission;

        await client.Issue.Update(target.Owner, target.Repository, issue.Number, new IssueUpdate { Body = AlertMarker.MarkStarted(body) }).ConfigureAwait(false);
        return new AlertResult(AlertChange.Raised, issue.HtmlUrl, target.EventType);
    }

    /// <summary>The oldest open issue with the first label whose marker is this alert's, reading every page.</summary>
    private async Task<(Issue Issue, AlertStamp Stamp)?> FindAsync(MonitorAlert alert)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, SortProperty = IssueSort.Created, SortDirection = SortDirection.Ascending };
        request.Labels.Add(target.Labels[0]);
        var issues = await client.Issue.GetAllForRepository(target.Owner, target.Repository, request, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false);
        foreach (var issue in issues.Where(i => i.PullRequest is null).OrderBy(i => i.Number))
        {
            if (AlertMarker.TryRead(issue.Body, out var stamp) && stamp.ReportId == alert.ReportId && stamp.Cause == alert.Cause)
            {
                return (issue, stamp);
            }
        }

        return null;
    }

    private static string Fit(string figures, int limit) => MarkdownFit.Fit(figures, limit, TruncationNote);

    private NewIssue NewIssue(MonitorAlert alert, string body)
    {
        var issue = new NewIssue(AlertFigures.Title(alert)) { Body = body };
        foreach (var label in target.Labels)
        {
            issue.Labels.Add(label);
        }

        return issue;
    }
}
