using System.Globalization;
using Lockstep.Core.Alerts;
using Lockstep.Core.Dora;
using Lockstep.Core.Platform;
using Lockstep.Core.Policy;
using Lockstep.GitHub.Deliveries;
using Lockstep.Http;
using Lockstep.Tests.Shared;

namespace Lockstep.GitHub.Tests;

public sealed class GitHubAlertSinkTests : IDisposable
{
    private const string Token = "ghs_LockstepAlertToken0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);
    private static readonly string[] Labels = ["model-incident", "drift"];

    private readonly FakeGitHubIssues github = new();
    private readonly FiringClock clock = new(Now);
    private readonly GitHubAlertSink sink;

    public GitHubAlertSinkTests() => sink = Sink(TimeSpan.FromMinutes(2));

    private static string Repo => $"/api/v3/repos/{FakeGitHubIssues.Owner}/{FakeGitHubIssues.Repo}";

    [Fact]
    public async Task Drift_drift_recovered_leaves_one_dispatch_and_one_issue_closed_at_the_end()
    {
        var raised = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);
        var afterRaise = github.Requests.Count;
        var updated = await sink.SyncAsync(Alert(firing: true, psi: 0.38), CancellationToken.None);
        var afterUpdate = github.Requests.Count;
        var resolved = await sink.SyncAsync(Alert(firing: false, psi: 0.04), CancellationToken.None);

        var issue = Assert.Single(github.Issues);
        var number = issue["number"]!.GetValue<int>();
        var url = FakeGitHubIssues.HtmlUrl(number);
        Assert.Equal(new AlertResult(AlertChange.Raised, url, "lockstep-monitor"), raised);
        Assert.Equal(new AlertResult(AlertChange.Updated, url), updated);
        Assert.Equal(new AlertResult(AlertChange.Resolved, url), resolved);
        Assert.Equal("closed", issue["state"]!.GetValue<string>());
        Assert.Equal("completed", issue["state_reason"]!.GetValue<string>());
        Assert.Equal("Lockstep monitor: drift breached (rollback) — churn", issue["title"]!.GetValue<string>());
        Assert.Equal(Labels, issue["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.StartsWith("<!-- lockstep:alert id=churn cause=drift remediation=started -->\nfigures psi=0.41", issue["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["figures psi=0.38", "figures psi=0.04"], issue["comments_made"]!.AsArray().Select(c => c!.GetValue<string>()));

        var dispatch = Assert.Single(github.Dispatches);
        Assert.Equal("lockstep-monitor", dispatch["event_type"]!.GetValue<string>());
        Assert.Equal(
            $$"""{"report_id":"churn","cause":"drift","verdict":"fail","action":"rollback","drifted":[{"feature":"tenure","psi":0.41}],"run_url":"https://github.example.com/octo-org/model-repo/actions/runs/1","issue_url":"{{url}}"}""",
            dispatch["client_payload"]!.ToJsonString());

        var requests = github.Requests;
        Assert.Equal([$"GET {Repo}/issues", $"POST {Repo}/issues", $"POST {Repo}/dispatches", $"PATCH {Repo}/issues/{number}"], requests.Take(afterRaise));
        Assert.Equal([$"GET {Repo}/issues", $"POST {Repo}/issues/{number}/comments"], requests.Skip(afterRaise).Take(afterUpdate - afterRaise));
        Assert.Equal([$"GET {Repo}/issues", $"POST {Repo}/issues/{number}/comments", $"PATCH {Repo}/issues/{number}"], requests.Skip(afterUpdate));
        Assert.Equal(9, requests.Count);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task The_closed_issue_is_a_model_incident_the_delivery_source_counts_with_its_time_to_restore()
    {
        await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);
        await sink.SyncAsync(Alert(firing: false, psi: 0.04), CancellationToken.None);
        var dora = new DoraSettings();
        var cache = new DeliveryCache();
        using var api = new GitHubApi(
            new GitHubDeliverySettings { ApiBaseAddress = github.ApiBase, Token = Token, Owner = FakeGitHubIssues.Owner, Repository = FakeGitHubIssues.Repo, Since = Now.AddDays(-30), Dora = dora },
            cache);

        var incidents = await new IncidentHistory(api, cache, dora, Now.AddDays(-30)).ReadAsync(CancellationToken.None);

        var incident = Assert.Single(incidents);
        Assert.Equal(Lane.Model, incident.Lane);
        Assert.Equal(Now, incident.OpenedAt);
        Assert.Equal(Now.AddHours(1), incident.ResolvedAt);
        Assert.Equal(Labels[0], new MonitorSettings { GitHub = new GitHubAlertSettings { Labels = ["drift"] } }.IssueLabels(dora)[0]);
    }

    [Fact]
    public async Task Figures_longer_than_GitHub_takes_are_cut_to_fit_with_a_note_and_the_marker_kept()
    {
        var rows = string.Concat(Enumerable.Range(0, 4000).Select(i => $"| `feature_{i}` | 0.{i:D4} |\n"));
        var alert = MonitorAlertExamples.Drift(firing: true, psi: 0.41, runUrl: "https://ci/1", figures: rows);

        await sink.SyncAsync(alert, CancellationToken.None);
        await sink.SyncAsync(alert, CancellationToken.None);

        var issue = Assert.Single(github.Issues);
        var body = issue["body"]!.GetValue<string>();
        var comment = Assert.Single(issue["comments_made"]!.AsArray())!.GetValue<string>();
        Assert.True(rows.Length > 65_536);
        Assert.InRange(body.Length, 60_000, 65_536);
        Assert.InRange(comment.Length, 60_000, 65_536);
        Assert.StartsWith(Marker("churn", started: true), body, StringComparison.Ordinal);
        Assert.Contains("cut to fit GitHub's 65,536-character limit", body, StringComparison.Ordinal);
        Assert.Contains("cut to fit GitHub's 65,536-character limit", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_open_and_nothing_firing_only_looks()
    {
        var result = await sink.SyncAsync(Alert(firing: false, psi: 0.02), CancellationToken.None);

        Assert.Equal(new AlertResult(AlertChange.Quiet, null), result);
        Assert.Equal([$"GET {Repo}/issues"], github.Requests);
        Assert.Empty(github.Issues);
    }

    [Fact]
    public async Task The_open_issue_is_found_on_a_later_page_among_others_with_the_label()
    {
        for (var i = 0; i < 120; i++)
        {
            github.Seed($"other {i}", "someone else's incident", ["model-incident"]);
        }

        github.Seed("pr", Marker("churn", started: true), ["model-incident"], pullRequest: true);
        github.Seed("closed", Marker("churn", started: true), ["model-incident"], state: "closed");
        github.Seed("other report", Marker("churn-eu", started: true), ["model-incident"]);
        github.Seed("unlabelled", Marker("churn", started: true), ["drift"]);
        var open = github.Seed("ours", Marker("churn", started: true), ["model-incident"]);

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.3), CancellationToken.None);

        Assert.Equal(new AlertResult(AlertChange.Updated, FakeGitHubIssues.HtmlUrl(open)), result);
        Assert.Equal(2, github.Requests.Count(r => r == $"GET {Repo}/issues"));
        Assert.Equal($"POST {Repo}/issues/{open}/comments", github.Requests[^1]);
        Assert.Empty(github.Dispatches);
        Assert.Equal(125, github.Issues.Count);
    }

    [Fact]
    public async Task A_raise_cut_off_after_the_issue_completes_on_the_next_run_without_a_second_issue()
    {
        github.Fail("dispatch", 403, """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/repos/repos#create-a-repository-dispatch-event","status":"403"}""");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None));
        var pending = Assert.Single(github.Issues);
        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.39), CancellationToken.None);

        Assert.Equal(
            "Lockstep alert 'churn' (drift) not synced on octo-org/model-repo: GitHub answered 403 (Resource not accessible by integration); give the workflow `permissions: contents: write`, which repository_dispatch needs.",
            error.Message);
        Assert.StartsWith(Marker("churn", started: false), pending["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var issue = Assert.Single(github.Issues);
        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.StartsWith(Marker("churn", started: true), issue["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(github.Dispatches);
        Assert.Empty(issue["comments_made"]!.AsArray());
    }

    [Fact]
    public async Task A_token_that_may_not_write_issues_gets_one_line_naming_the_permission()
    {
        github.Fail("create", 403, """{"message":"Resource not accessible by integration"}""");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None));

        Assert.Equal(
            "Lockstep alert 'churn' (drift) not synced on octo-org/model-repo: GitHub answered 403 (Resource not accessible by integration); give the workflow `permissions: issues: write` (a token from a fork's pull request is read-only).",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(github.Issues);
        Assert.Empty(github.Dispatches);
    }

    [Fact]
    public async Task A_server_error_on_the_listing_is_retried_after_a_backoff()
    {
        github.Fail("list", 502);

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);

        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
        Assert.Single(github.Issues);
        Assert.Single(github.Dispatches);
    }

    [Fact]
    public async Task An_issue_stored_before_a_502_is_found_and_completed_not_opened_again()
    {
        github.Fail("create", 502, afterStoring: true);

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);

        var issue = Assert.Single(github.Issues);
        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.StartsWith(Marker("churn", started: true), issue["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(github.Dispatches);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
    }

    [Fact]
    public async Task A_dispatch_answered_with_a_server_error_is_sent_again_for_the_same_issue()
    {
        github.Fail("dispatch", 503);

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);

        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.Single(github.Issues);
        Assert.Single(github.Dispatches);
        Assert.Equal(2, github.Requests.Count(r => r == $"POST {Repo}/dispatches"));
    }

    [Fact]
    public async Task The_primary_rate_limit_is_waited_out_until_its_reset()
    {
        github.Fail("list", 403, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rate-limit-primary.json")), new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5000",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = (Now.ToUnixTimeSeconds() + 30).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Resource"] = "core",
        });

        var result = await sink.SyncAsync(Alert(firing: false, psi: 0.01), CancellationToken.None);

        Assert.Equal(AlertChange.Quiet, result.Change);
        Assert.Equal([TimeSpan.FromSeconds(31)], clock.Waits);
    }

    [Fact]
    public async Task A_secondary_rate_limit_on_the_dispatch_waits_for_retry_after_and_sends_it_once()
    {
        github.Fail("dispatch", 403, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rate-limit-secondary.json")), new Dictionary<string, string> { ["Retry-After"] = "7" });

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);

        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Waits);
        Assert.Single(github.Issues);
        Assert.Single(github.Dispatches);
        Assert.Equal(2, github.Requests.Count(r => r == $"POST {Repo}/dispatches"));
        Assert.Single(github.Requests, r => r == $"POST {Repo}/issues");
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_give_one_line_without_the_token()
    {
        for (var i = 0; i < 4; i++)
        {
            github.Fail("list", 503, $$"""{"message":"unavailable for {{Token}}"}""");
        }

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None));

        Assert.Equal("Lockstep alert 'churn' (drift) not synced on octo-org/model-repo: GitHub answered 503 (unavailable for ***); gave up after 4 attempts.", error.Message);
        Assert.Empty(github.Issues);
    }

    public void Dispose() => github.Dispose();

    private GitHubAlertSink Sink(TimeSpan budget) => new(
        new GitHubHostSettings { ApiBaseAddress = github.ApiBase, Token = Token, Retry = new HttpRetryPolicy { Clock = clock, Budget = budget } },
        new GitHubAlertTarget(FakeGitHubIssues.Owner, FakeGitHubIssues.Repo, "lockstep-monitor", Labels));

    private static string Marker(string id, bool started) => AlertMarker.Format(new AlertStamp(id, AlertCause.Drift, started));

    private static MonitorAlert Alert(bool firing, double psi) => MonitorAlertExamples.Drift(firing, psi, "https://github.example.com/octo-org/model-repo/actions/runs/1");
}
