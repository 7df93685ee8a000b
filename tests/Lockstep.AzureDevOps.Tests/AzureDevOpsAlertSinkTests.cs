using System.Globalization;
using Lockstep.Core.Alerts;
using Lockstep.Core.Dora;
using Lockstep.Core.Platform;
using Lockstep.Core.Policy;
using Lockstep.Http;
using Lockstep.Tests.Shared;

namespace Lockstep.AzureDevOps.Tests;

public sealed class AzureDevOpsAlertSinkTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);
    private static readonly string[] Tags = ["model-incident", "lockstep-monitor"];

    private readonly FakeAzureAlerts azure = new();
    private readonly FiringClock clock = new(Now);
    private readonly AzureDevOpsSettings settings;
    private readonly AzureDevOpsAlertSink sink;

    public AzureDevOpsAlertSinkTests()
    {
        settings = new AzureDevOpsSettings
        {
            CollectionUri = azure.CollectionUri,
            Project = FakeAzureAlerts.Project,
            Credential = AzureDevOpsCredential.FromToken(AzureFixture.Token),
            Retry = new HttpRetryPolicy { Clock = clock, Budget = TimeSpan.FromMinutes(2) },
        };
        sink = Sink("retrain");
    }

    [Fact]
    public async Task Drift_drift_recovered_leaves_one_queued_run_and_one_work_item_resolved_at_the_end()
    {
        var raised = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);
        var afterRaise = azure.Requests.Count;
        var updated = await sink.SyncAsync(Alert(firing: true, psi: 0.38), CancellationToken.None);
        var afterUpdate = azure.Requests.Count;
        var resolved = await sink.SyncAsync(Alert(firing: false, psi: 0.04), CancellationToken.None);

        var item = Assert.Single(azure.WorkItems);
        var id = item["id"]!.GetValue<int>();
        var url = $"{azure.CollectionUri}{FakeAzureAlerts.Project}/_workitems/edit/{id}";
        var run = Assert.Single(azure.Runs);
        Assert.Equal(new AlertResult(AlertChange.Raised, url, $"{azure.CollectionUri}{FakeAzureAlerts.Project}/_build/results?buildId=4001"), raised);
        Assert.Equal(new AlertResult(AlertChange.Updated, url), updated);
        Assert.Equal(new AlertResult(AlertChange.Resolved, url), resolved);

        var fields = item["fields"]!;
        Assert.Equal("Bug", fields["System.WorkItemType"]!.GetValue<string>());
        Assert.Equal("Closed", fields["System.State"]!.GetValue<string>());
        Assert.Equal("model-incident; lockstep-monitor", fields["System.Tags"]!.GetValue<string>());
        Assert.Equal("Lockstep monitor: drift breached (rollback) — churn", fields["System.Title"]!.GetValue<string>());
        Assert.Equal(
            "<p><code>&lt;!-- lockstep:alert id=churn cause=drift remediation=started --&gt;</code></p><pre>figures psi=0.41 &lt;&amp;&gt;</pre>",
            fields["System.Description"]!.GetValue<string>());
        Assert.Equal(["<pre>figures psi=0.38 &lt;&amp;&gt;</pre>", "<pre>figures psi=0.04 &lt;&amp;&gt;</pre>"], item["history"]!.AsArray().Select(h => h!.GetValue<string>()));

        Assert.Equal(FakeAzureAlerts.RetrainId, run["pipeline"]!.GetValue<int>());
        Assert.Equal("refs/heads/main", run["resources"]!["repositories"]!["self"]!["refName"]!.GetValue<string>());
        Assert.Equal(
            $$"""{"reportId":"churn","cause":"drift","verdict":"fail","action":"rollback","features":"tenure=0.41","runUrl":"https://dev.azure.com/fabrikam/Fabrikam-Fiber/_build/results?buildId=9","workItemUrl":"{{url}}"}""",
            run["templateParameters"]!.ToJsonString());

        var requests = azure.Requests;
        Assert.Equal(
            ["POST /wit/wiql", "POST /wit/workitems/$Bug", "GET /pipelines", "GET /pipelines", $"POST /pipelines/{FakeAzureAlerts.RetrainId}/runs", $"PATCH /wit/workitems/{id}"],
            requests.Take(afterRaise));
        Assert.Equal(["POST /wit/wiql", "GET /wit/workitems", $"PATCH /wit/workitems/{id}"], requests.Skip(afterRaise).Take(afterUpdate - afterRaise));
        Assert.Equal(["POST /wit/wiql", "GET /wit/workitems", $"PATCH /wit/workitems/{id}"], requests.Skip(afterUpdate));
        Assert.Equal(12, requests.Count);
        Assert.Equal(requests.Count, sink.Requests);
        Assert.All(azure.ApiVersions, version => Assert.Equal("7.1", version));
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task The_resolved_work_item_is_a_model_incident_the_delivery_source_counts_with_its_time_to_restore()
    {
        await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);
        await sink.SyncAsync(Alert(firing: false, psi: 0.04), CancellationToken.None);
        var monitor = new MonitorSettings();
        var tag = monitor.WorkItemTags(new DoraSettings())[0];
        using var source = new AzureDevOpsDeliverySource(settings);

        var events = await source.ReadAsync(
            new DeliverySourceSettings
            {
                IncidentTags = new Dictionary<Lane, string> { [Lane.Code] = "incident", [Lane.Model] = tag },
                IncidentType = monitor.AzureDevOps.WorkItemType,
                Since = Now.AddDays(-30),
            },
            CancellationToken.None);

        var incident = Assert.IsType<Incident>(Assert.Single(events));
        Assert.Equal(Lane.Model, incident.Lane);
        Assert.Equal(Now, incident.OpenedAt);
        Assert.Equal(Now.AddHours(2), incident.ResolvedAt);
    }

    [Fact]
    public async Task Nothing_open_and_nothing_firing_only_asks()
    {
        var result = await sink.SyncAsync(Alert(firing: false, psi: 0.02), CancellationToken.None);

        Assert.Equal(new AlertResult(AlertChange.Quiet, null), result);
        Assert.Equal(["POST /wit/wiql"], azure.Requests);
    }

    [Fact]
    public async Task The_open_work_item_is_told_apart_by_its_marker_among_others_of_the_tag()
    {
        azure.Seed("Bug", Description("churn-eu", started: true), "model-incident");
        azure.Seed("Bug", Description("churn", started: true), "model-incident", state: "Closed");
        azure.Seed("Bug", "<div>a person's incident</div>", "model-incident");
        azure.Seed("Task", Description("churn", started: true), "model-incident");
        var ours = azure.Seed("Bug", Description("churn", started: true), "model-incident; lockstep-monitor");

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.3), CancellationToken.None);

        Assert.Equal(AlertChange.Updated, result.Change);
        Assert.EndsWith($"/_workitems/edit/{ours}", result.Url, StringComparison.Ordinal);
        Assert.Empty(azure.Runs);
        Assert.Single(azure.WorkItems.Single(w => w["id"]!.GetValue<int>() == ours)["history"]!.AsArray());
    }

    [Fact]
    public async Task A_marker_kept_as_an_html_comment_is_read_too()
    {
        var ours = azure.Seed("Bug", "<!-- lockstep:alert id=churn cause=drift remediation=started -->\n<pre>x</pre>", "model-incident");

        var result = await sink.SyncAsync(Alert(firing: false, psi: 0.02), CancellationToken.None);

        Assert.Equal(AlertChange.Resolved, result.Change);
        Assert.Equal("Closed", azure.WorkItems.Single(w => w["id"]!.GetValue<int>() == ours)["fields"]!["System.State"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_raise_cut_off_before_the_run_was_queued_completes_on_the_next_run_without_a_second_work_item()
    {
        azure.Fail("run", 403, """{"message":"TF215106: Access denied. Fabrikam-Fiber Build Service needs Queue builds permissions for build pipeline retrain."}""");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None));
        var pending = Assert.Single(azure.WorkItems);
        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.39), CancellationToken.None);

        Assert.Equal(
            "Lockstep alert 'churn' (drift) not synced on Fabrikam-Fiber: Azure DevOps answered 403 (TF215106: Access denied. Fabrikam-Fiber Build Service needs Queue builds permissions for build pipeline retrain); the build identity needs 'Queue builds'.",
            error.Message);
        Assert.Contains("remediation=pending", pending["fields"]!["System.Description"]!.GetValue<string>(), StringComparison.Ordinal);
        var item = Assert.Single(azure.WorkItems);
        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.Contains("remediation=started", item["fields"]!["System.Description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(azure.Runs);
        Assert.Empty(item["history"]!.AsArray());
    }

    [Fact]
    public async Task An_identity_that_may_not_create_work_items_gets_one_line_naming_the_permission()
    {
        azure.Fail("create", 403, """{"message":"TF237111: The current user does not have permissions to save work items under the specified area path."}""");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None));

        Assert.EndsWith("; the build identity needs 'Edit work items in this node'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(azure.WorkItems);
        Assert.Empty(azure.Runs);
    }

    [Fact]
    public async Task A_server_error_on_the_query_is_retried_after_a_backoff()
    {
        azure.Fail("wiql", 503);

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);

        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
        Assert.Single(azure.WorkItems);
        Assert.Single(azure.Runs);
    }

    [Fact]
    public async Task Throttling_waits_what_Retry_After_asks()
    {
        azure.Fail("wiql", 429, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });

        var result = await sink.SyncAsync(Alert(firing: false, psi: 0.01), CancellationToken.None);

        Assert.Equal(AlertChange.Quiet, result.Change);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Waits);
    }

    [Fact]
    public async Task A_create_answered_with_a_server_error_is_looked_for_and_tried_again_once()
    {
        azure.Fail("create", 500);

        var result = await sink.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);

        Assert.Equal(AlertChange.Raised, result.Change);
        Assert.Single(azure.WorkItems);
        Assert.Single(azure.Runs);
        Assert.Equal(2, azure.Requests.Count(r => r == "POST /wit/workitems/$Bug"));
        Assert.Equal(2, azure.Requests.Count(r => r == "POST /wit/wiql"));
    }

    [Fact]
    public async Task A_pipeline_given_by_id_is_queued_without_listing_and_a_missing_name_is_named()
    {
        using var byId = Sink(FakeAzureAlerts.RetrainId.ToString(CultureInfo.InvariantCulture));
        using var missing = Sink("retrian");

        await byId.SyncAsync(Alert(firing: true, psi: 0.41), CancellationToken.None);
        var byIdRequests = azure.Requests.Count;
        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => missing.SyncAsync(Alert(firing: true, psi: 0.41) with { Cause = AlertCause.Quality }, CancellationToken.None));

        Assert.Equal(4, byIdRequests);
        Assert.DoesNotContain("GET /pipelines", azure.Requests.Take(byIdRequests));
        Assert.Single(azure.Runs);
        Assert.Equal("Lockstep alert 'churn' (quality) not synced on Fabrikam-Fiber: no pipeline 'retrian' in project 'Fabrikam-Fiber' (Pipelines → All).", error.Message);
        Assert.Equal(2, azure.WorkItems.Count);
    }

    public void Dispose()
    {
        sink.Dispose();
        azure.Dispose();
    }

    private AzureDevOpsAlertSink Sink(string pipeline) =>
        new(settings, new AzureDevOpsAlertTarget(pipeline, "refs/heads/main", "Bug", Tags, "Closed"));

    private static string Description(string id, bool started) =>
        $"<p><code>{System.Net.WebUtility.HtmlEncode(AlertMarker.Format(new AlertStamp(id, AlertCause.Drift, started)))}</code></p><pre>x</pre>";

    private static MonitorAlert Alert(bool firing, double psi) => MonitorAlertExamples.Drift(firing, psi, "https://dev.azure.com/fabrikam/Fabrikam-Fiber/_build/results?buildId=9", string.Create(CultureInfo.InvariantCulture, $"figures psi={psi} <&>"));
}
