using Lockstep.Core.Dora;

namespace Lockstep.AzureDevOps.Tests;

public sealed class AzureDevOpsDeliverySourceTests : IDisposable
{
    private static readonly DateTimeOffset Since = AzureFixture.Now.AddDays(-90);
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly AzureFixture fixture = new();

    private FakeAzureDevOps Azure => fixture.Azure;

    [Fact]
    public async Task Environment_deployment_records_are_read_through_every_continuation_token()
    {
        var production = Azure.AddEnvironment("production");
        Azure.AddEnvironment("staging");
        for (var run = 1; run <= 5; run++)
        {
            Azure.AddDeploymentRecord(production, 1000 + run, "deploy-web", "succeeded", Day.AddHours(run), Day.AddHours(run).AddMinutes(10));
            Azure.AddBuild(1000 + run, 12, "succeeded", Day.AddHours(run).AddMinutes(-5), Day.AddHours(run).AddMinutes(10), $"sha{run}");
        }

        var events = await Read(new DeliverySourceSettings { Since = Since, Environments = Lanes(code: ["production"]) });

        Assert.Equal(["1001@production", "1002@production", "1003@production", "1004@production", "1005@production"], events.Select(e => e.Id));
        var first = Assert.IsType<Deployment>(events[0]);
        Assert.Equal(("production", "sha1", DeploymentStatus.Success, Day.AddHours(1), Day.AddHours(1).AddMinutes(10)), (first.Environment, first.Sha, first.Status, first.CreatedAt, first.FinishedAt));
        var pages = Azure.Requests.Where(r => r.Contains("environmentdeploymentrecords", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "GET /fabrikam/Fabrikam-Fiber/_apis/pipelines/environments/1/environmentdeploymentrecords?top=100",
                "GET /fabrikam/Fabrikam-Fiber/_apis/pipelines/environments/1/environmentdeploymentrecords?top=100&continuationToken=Mg==",
                "GET /fabrikam/Fabrikam-Fiber/_apis/pipelines/environments/1/environmentdeploymentrecords?top=100&continuationToken=NA==",
            ],
            pages);
        Assert.All(Azure.ApiVersions.Where((_, i) => Azure.Requests[i].Contains("/pipelines/", StringComparison.Ordinal)), v => Assert.Equal("7.2-preview.1", v));
    }

    [Fact]
    public async Task A_run_is_one_deployment_from_its_latest_stage_attempt_and_older_pages_are_not_read()
    {
        var production = Azure.AddEnvironment("production");
        Azure.AddDeploymentRecord(production, 898, "deploy-web", "succeeded", Since.AddDays(-40), Since.AddDays(-40).AddMinutes(5));
        Azure.AddDeploymentRecord(production, 899, "deploy-web", "succeeded", Since.AddDays(-30), Since.AddDays(-30).AddMinutes(5));
        Azure.AddDeploymentRecord(production, 900, "deploy-web", "succeeded", Since.AddDays(-20), Since.AddDays(-20).AddMinutes(5));
        Azure.AddDeploymentRecord(production, 901, "deploy-web", "succeeded", Since.AddDays(-10), Since.AddDays(-10).AddMinutes(5));
        Azure.AddDeploymentRecord(production, 2001, "deploy-web", "failed", Day, Day.AddMinutes(5), stageAttempt: 1);
        Azure.AddDeploymentRecord(production, 2001, "deploy-web", "succeeded", Day.AddHours(1), Day.AddHours(1).AddMinutes(5), stageAttempt: 2);
        Azure.AddDeploymentRecord(production, 2002, "deploy-web", "canceled", Day.AddHours(3), Day.AddHours(3).AddMinutes(1));

        var events = await Read(new DeliverySourceSettings { Since = Since, Environments = Lanes(code: ["production"]) });

        Assert.Collection(
            events.Cast<Deployment>(),
            retried => Assert.Equal(("2001@production", DeploymentStatus.Success, Day.AddHours(1)), (retried.Id, retried.Status, retried.CreatedAt)),
            canceled => Assert.Equal(("2002@production", DeploymentStatus.Failure), (canceled.Id, canceled.Status)));
        Assert.Equal(3, Azure.Requests.Count(r => r.Contains("environmentdeploymentrecords", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pipeline_runs_are_deployments_with_their_changes_and_the_merged_pull_requests_commits()
    {
        var definition = Azure.AddDefinition("deploy-model");
        Azure.AddBuild(3001, definition, "succeeded", Day, Day.AddMinutes(20), "c0ffee01");
        Azure.AddBuild(3002, definition, "failed", Day.AddDays(1), Day.AddDays(1).AddMinutes(3), "c0ffee02");
        Azure.AddBuild(2999, definition, "succeeded", Since.AddDays(-1), Since.AddDays(-1).AddMinutes(5), "old");
        Azure.AddChange(3001, "c0ffee01", "Merged PR 41: Tune the threshold", Day.AddHours(-2));
        Azure.AddChange(3001, "abc00001", "Refresh the feature list", Day.AddHours(-30));
        Azure.AddChange(3001, "abc00002", "Retrain", Day.AddHours(-20));
        Azure.AddPullRequestCommit(41, "feed0001", Day.AddDays(-3), Day.AddDays(-3).AddMinutes(5));
        Azure.AddPullRequestCommit(41, "feed0002", Day.AddDays(-2), Day.AddDays(-2).AddMinutes(5));
        Azure.AddPullRequestCommit(41, "feed0003", Day.AddDays(-1), Day.AddDays(-1).AddMinutes(5));

        var events = await Read(new DeliverySourceSettings { Since = Since, Pipelines = Lanes(model: ["deploy-model"]) });

        var deployed = Assert.IsType<Deployment>(events[0]);
        Assert.Equal((Lane.Model, "3001", "production", "c0ffee01", DeploymentStatus.Success), (deployed.Lane, deployed.Id, deployed.Environment, deployed.Sha, deployed.Status));
        Assert.Equal(["c0ffee01", "abc00001", "abc00002"], deployed.Commits.Select(c => c.Sha));
        Assert.Equal(Day.AddHours(-30), deployed.Commits[1].AuthoredAt);
        Assert.Equal(41, deployed.Pr!.Number);
        Assert.Equal(["feed0001", "feed0002", "feed0003"], deployed.Pr.Commits.Select(c => c.Sha));
        Assert.Equal((Day.AddDays(-2), Day.AddDays(-2).AddMinutes(5)), (deployed.Pr.Commits[1].AuthoredAt, deployed.Pr.Commits[1].CommittedAt));
        Assert.Equal(("3002", DeploymentStatus.Failure), (events[1].Id, ((Deployment)events[1]).Status));
        Assert.Equal(2, events.Count);
        Assert.Equal(2, Azure.Requests.Count(r => r.StartsWith("GET /fabrikam/Fabrikam-Fiber/_apis/build/builds/3001/changes", StringComparison.Ordinal)));
        Assert.Equal(2, Azure.Requests.Count(r => r.Contains("/pullRequests/41/commits", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Incidents_are_work_items_with_the_lanes_tag_and_type()
    {
        Azure.AddWorkItem(501, "Bug", "incident; web", Day, resolved: Day.AddHours(2), closed: Day.AddHours(5));
        Azure.AddWorkItem(502, "Bug", "model-incident", Day.AddDays(1), closed: Day.AddDays(1).AddHours(1));
        Azure.AddWorkItem(503, "Task", "incident", Day.AddDays(2));
        Azure.AddWorkItem(504, "Bug", "model-incident", Day.AddDays(3));

        var events = await Read(new DeliverySourceSettings
        {
            Since = Since,
            IncidentType = "Bug",
            IncidentTags = new Dictionary<Lane, string> { [Lane.Code] = "incident", [Lane.Model] = "model-incident" },
        });

        Assert.Collection(
            events.Cast<Incident>(),
            code => Assert.Equal((Lane.Code, "501", Day, (DateTimeOffset?)Day.AddHours(2)), (code.Lane, code.Id, code.OpenedAt, code.ResolvedAt)),
            model => Assert.Equal((Lane.Model, "502", (DateTimeOffset?)Day.AddDays(1).AddHours(1)), (model.Lane, model.Id, model.ResolvedAt)),
            open => Assert.Equal((Lane.Model, "504", (DateTimeOffset?)null), (open.Lane, open.Id, open.ResolvedAt)));
        Assert.Equal(
            "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.Tags] CONTAINS 'incident' AND [System.CreatedDate] >= '2026-08-27T12:00:00Z' AND [System.WorkItemType] = 'Bug' ORDER BY [System.Id]",
            Azure.WiqlQueries[0]);
    }

    [Fact]
    public async Task The_events_read_back_through_the_events_reader()
    {
        var definition = Azure.AddDefinition("deploy-web");
        Azure.AddBuild(4001, definition, "succeeded", Day, Day.AddMinutes(9), "beef0001");
        Azure.AddChange(4001, "beef0001", "Merged PR 7: Faster start", Day.AddHours(-5));
        Azure.AddWorkItem(601, "Bug", "incident", Day.AddHours(1), closed: Day.AddHours(3));

        var events = await Read(new DeliverySourceSettings
        {
            Since = Since,
            Pipelines = Lanes(code: ["deploy-web"]),
            IncidentTags = new Dictionary<Lane, string> { [Lane.Code] = "incident" },
        });
        var text = EventsWriter.Write(events);
        var read = EventsReader.Read(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), "events.jsonl");

        Assert.Equal(events.Select(e => e with { Line = 0 }).Select(EventsWriter.Line), read.Select(e => e with { Line = 0 }).Select(EventsWriter.Line));
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task A_missing_environment_is_named()
    {
        var error = await Assert.ThrowsAsync<AzureDevOpsException>(() => Read(new DeliverySourceSettings { Since = Since, Environments = Lanes(model: ["serving"]) }));

        Assert.Equal("no environment 'serving' in project 'Fabrikam-Fiber' (Pipelines → Environments).", error.Message);
    }

    [Fact]
    public async Task A_forbidden_read_names_the_permission()
    {
        Azure.AddDefinition("deploy-web");
        Azure.Fail("GET", 403, """{"message":"TF215106: Access denied. Build Service needs Read permissions for build pipeline 12."}""");

        var error = await Assert.ThrowsAsync<AzureDevOpsException>(() => Read(new DeliverySourceSettings { Since = Since, Pipelines = Lanes(code: ["deploy-web"]) }));

        Assert.Equal(
            "Azure DevOps answered 403 (TF215106: Access denied. Build Service needs Read permissions for build pipeline 12); the build identity needs 'View builds'.",
            error.Message);
        Assert.Equal(AzureDevOpsFailure.NotPermitted, error.Failure);
    }

    private async Task<IReadOnlyList<DeliveryEvent>> Read(DeliverySourceSettings settings)
    {
        using var source = new AzureDevOpsDeliverySource(fixture.Settings);
        return await source.ReadAsync(settings, CancellationToken.None);
    }

    private static Dictionary<Lane, IReadOnlyList<string>> Lanes(IReadOnlyList<string>? code = null, IReadOnlyList<string>? model = null) =>
        new() { [Lane.Code] = code ?? [], [Lane.Model] = model ?? [] };

    public void Dispose() => fixture.Dispose();
}
