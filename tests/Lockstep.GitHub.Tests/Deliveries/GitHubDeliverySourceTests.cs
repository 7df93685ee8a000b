using System.Text;
using Lockstep.Core.Dora;
using Lockstep.GitHub.Deliveries;
using Lockstep.Tests.Shared;

namespace Lockstep.GitHub.Tests.Deliveries;

public sealed class GitHubDeliverySourceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = SourceFixture.Now.AddDays(-20);

    private readonly SourceFixture fixture = new();

    private FakeRepository Repository => fixture.Repository;

    [Fact]
    public async Task Reads_deployments_their_commits_squash_merges_and_incidents_as_events()
    {
        var story = TellStory();

        var history = await fixture.ReadAsync();

        var deployments = history.Events.OfType<Deployment>().ToDictionary(d => d.Id);
        Assert.Equal(["1000", "1001", "1002", "1003", "1004", "1006"], deployments.Keys.Order(StringComparer.Ordinal));

        var first = deployments[$"{story.D1.Id}"];
        Assert.Equal((Lane.Code, "production", DeploymentStatus.Success), (first.Lane, first.Environment, first.Status));
        Assert.Equal(story.D1.CreatedAt, first.CreatedAt);
        Assert.Equal(story.D1.CreatedAt.AddMinutes(5), first.FinishedAt);
        Assert.Equal([story.C1.Sha], first.Commits.Select(c => c.Sha));
        Assert.Equal(story.C1.CommittedAt, first.Commits[0].CommittedAt);

        var squash = deployments[$"{story.D2.Id}"];
        Assert.Equal([story.C2.Sha], squash.Commits.Select(c => c.Sha));
        Assert.Equal(12, squash.Pr!.Number);
        Assert.Equal([T0.AddHours(2), T0.AddHours(20)], squash.Pr.Commits.Select(c => c.CommittedAt!.Value));

        var rolledBack = deployments[$"{story.D3.Id}"];
        Assert.Equal(DeploymentStatus.RolledBack, rolledBack.Status);
        Assert.Equal(story.D3.CreatedAt.AddMinutes(10), rolledBack.FinishedAt);
        Assert.Equal([story.C3.Sha, story.C4.Sha], rolledBack.Commits.Select(c => c.Sha));
        Assert.Null(rolledBack.Pr);

        var failed = deployments[$"{story.D4.Id}"];
        Assert.Equal((DeploymentStatus.Failure, story.D4.CreatedAt.AddMinutes(3)), (failed.Status, failed.FinishedAt));
        Assert.Empty(failed.Commits);

        var model = history.Events.OfType<Deployment>().Where(d => d.Lane == Lane.Model).ToList();
        Assert.Equal(["model-production", "model-production"], model.Select(d => d.Environment));
        Assert.Equal([story.C2.Sha], model[0].Commits.Select(c => c.Sha));
        Assert.Equal([story.C3.Sha, story.C4.Sha], model[1].Commits.Select(c => c.Sha));

        var incidents = history.Events.OfType<Incident>().ToList();
        Assert.Equal([(Lane.Code, "#7"), (Lane.Model, "#8")], incidents.Select(i => (i.Lane, i.Id)));
        Assert.Equal((T0.AddDays(3).AddMinutes(30), T0.AddDays(3).AddHours(2)), (incidents[0].OpenedAt, incidents[0].ResolvedAt!.Value));
        Assert.Null(incidents[1].ResolvedAt);
    }

    [Fact]
    public async Task The_events_are_lockstep_events_DORA_computes_on()
    {
        TellStory();

        var history = await fixture.ReadAsync();

        // The file as written; the conventions tests check it against docs/schemas/events.v1.schema.json.
        GoldenFile.AssertMatches("github-events.jsonl", EventsWriter.Write(history.Events));
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(EventsWriter.Write(history.Events)));
        var log = EventsReader.Read(file, "events.jsonl");
        Assert.Equal(history.Events.Count, log.Events.Count);

        var report = DoraCalculator.Calculate(log.Events, fixture.Dora, SourceFixture.Now);
        var code = report.Lanes.Single(l => l.Lane == Lane.Code).Current;
        Assert.Equal(3, code.Deployments);
        Assert.Equal(1.0 / 3, code.ChangeFailureRate!.Value, 9);
        // Lead times 1.083 h (c1), 23.167 h and 5.167 h (PR #12's own commits), 24.167 h (c3), 21.167 h (c4).
        Assert.Equal(5, code.Commits);
        Assert.Equal(21 + (10.0 / 60), code.LeadTimeMedianHours!.Value, 6);
        Assert.Equal(["#8"], report.Lanes.Single(l => l.Lane == Lane.Model).Current.Evidence.OpenIncidents);
    }

    [Fact]
    public async Task A_second_run_is_served_from_the_cache_with_a_handful_of_conditional_requests()
    {
        TellStory();
        var first = await fixture.ReadAsync();

        var second = await fixture.ReadAgainAsync();

        Assert.Equal(EventsWriter.Write(first.Events), EventsWriter.Write(second.Events));
        // Per lane environment: the newest page of deployments, and the statuses of the deployments that may still
        // change (the pending one, the model's latest success); per incident label, the issues updated since.
        Assert.Equal(
            [
                "GET /repos/octo-org/model-repo/deployments/1006/statuses?per_page=100",
                "GET /repos/octo-org/model-repo/deployments/1007/statuses?per_page=100",
                "GET /repos/octo-org/model-repo/deployments?per_page=100&environment=model-production",
                "GET /repos/octo-org/model-repo/deployments?per_page=100&environment=production",
                $"GET /repos/octo-org/model-repo/issues?labels=incident&state=all&since={Iso(T0.AddDays(4))}&sort=updated&direction=asc&per_page=100",
                $"GET /repos/octo-org/model-repo/issues?labels=model-incident&state=all&since={Iso(T0.AddDays(5).AddHours(1))}&sort=updated&direction=asc&per_page=100",
            ],
            fixture.GitHub.Requests.Order(StringComparer.Ordinal));
        Assert.Equal(6, second.Requests.Sent);
        Assert.Equal(6, fixture.GitHub.Requests.Count);
        Assert.True(first.Requests.Sent > 15, $"first run: {first.Requests.Sent} requests");
        Assert.Equal(4, fixture.GitHub.NotModified);
        Assert.Equal(4, second.Requests.NotModified);
    }

    [Fact]
    public async Task A_later_run_reads_only_what_changed_and_gets_the_same_events_as_a_run_without_cache()
    {
        var story = TellStory();
        await fixture.ReadAsync();
        var c5 = Repository.Commit(T0.AddDays(7));
        Repository.Deploy(c5.Sha, "production", T0.AddDays(7).AddHours(1), ("success", 4));
        Repository.AddStatus(story.D6, "success", T0.AddDays(6).AddMinutes(20));
        Repository.Issue(10, T0.AddDays(7).AddHours(3), null, "incident");

        var warm = await fixture.ReadAgainAsync();
        var warmRequests = fixture.GitHub.Requests;
        var cold = await fixture.ReadAsync();

        Assert.Equal(EventsWriter.Write(cold.Events), EventsWriter.Write(warm.Events));
        Assert.Contains(warm.Events, e => e is Deployment { Id: "1008" } d && d.Commits.Single().Sha == c5.Sha);
        Assert.Contains(warm.Events, e => e is Deployment { Id: "1007", Status: DeploymentStatus.Success });
        Assert.Contains(warm.Events, e => e is Incident { Id: "#10" });
        Assert.Contains($"GET /repos/octo-org/model-repo/compare/{story.C4.Sha}...{c5.Sha}?per_page=100", warmRequests);
        Assert.DoesNotContain(warmRequests, r => r.Contains("pulls/12", StringComparison.Ordinal) || r.Contains($"compare/{story.C2.Sha}", StringComparison.Ordinal));
        Assert.True(warm.Requests.Sent <= 10, string.Join('\n', warmRequests));
    }

    [Fact]
    public async Task Pages_every_listing_and_comparison_through_Link_headers_to_the_end()
    {
        fixture.Since = SourceFixture.Now.AddDays(-100);
        var start = SourceFixture.Now.AddDays(-95);
        var baseCommit = Repository.Commit(start);
        Repository.Deploy(baseCommit.Sha, "production", start.AddHours(1), ("success", 2));
        for (var i = 0; i < 230; i++)
        {
            Repository.Commit(start.AddHours(2 + (i * 0.1)));
        }

        var squash = Repository.SquashMerge(99, start.AddDays(1), Enumerable.Range(0, 130).Select(i => start.AddHours(i * 0.1)).ToArray());
        Repository.Deploy(Repository.Main[^2].Sha, "production", start.AddDays(1).AddMinutes(-30), ("success", 2));
        Repository.Deploy(squash.Sha, "production", start.AddDays(1).AddHours(1), ("success", 2));
        for (var i = 0; i < 247; i++)
        {
            Repository.Deploy(squash.Sha, "production", start.AddDays(2).AddHours(i), ("success", 1));
        }

        var history = await fixture.ReadAsync();

        var deployments = history.Events.OfType<Deployment>().ToList();
        Assert.Equal(250, deployments.Count);
        Assert.Equal(230, deployments[1].Commits.Count);
        Assert.Equal(130, deployments[2].Pr!.Commits.Count);
        var requests = fixture.GitHub.Requests;
        Assert.Contains("GET /repositories/1000/deployments?per_page=100&environment=production&page=3", requests);
        Assert.DoesNotContain(requests, r => r.Contains("deployments?", StringComparison.Ordinal) && r.EndsWith("page=4", StringComparison.Ordinal));
        Assert.Contains($"GET /repositories/1000/compare/{baseCommit.Sha}...{Repository.Main[^2].Sha}?per_page=100&page=3", requests);
        Assert.Contains("GET /repositories/1000/pulls/99/commits?per_page=100&page=2", requests);
    }

    [Fact]
    public async Task Stops_reading_deployments_at_the_start_of_the_period()
    {
        fixture.Since = SourceFixture.Now.AddDays(-30);
        var old = Repository.Commit(SourceFixture.Now.AddDays(-60));
        for (var i = 0; i < 150; i++)
        {
            Repository.Deploy(old.Sha, "production", SourceFixture.Now.AddDays(-60).AddHours(i), ("success", 1));
        }

        var recent = Repository.Commit(SourceFixture.Now.AddDays(-2));
        Repository.Deploy(recent.Sha, "production", SourceFixture.Now.AddDays(-1), ("success", 1));

        var history = await fixture.ReadAsync();

        Assert.Equal([recent.Sha], history.Events.OfType<Deployment>().Select(d => d.Sha));
        Assert.Single(fixture.GitHub.Requests, r => r.Contains("/deployments?", StringComparison.Ordinal) && r.Contains("environment=production", StringComparison.Ordinal));
    }

    public void Dispose() => fixture.Dispose();

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Twenty days ago: c1 deployed; PR #12 squash-merged as c2 and deployed; c3 and c4 deployed, then that deployment
    /// failed (rolled back); a redeploy of c4 that failed; a staging deployment; the model lane deploying c2 and c4; a
    /// deployment still pending; incidents #7 (code, resolved) and #8 (model, open), a pull request labelled incident,
    /// an unlabelled issue and an incident from before the period.
    /// </summary>
    private Story TellStory()
    {
        var c1 = Repository.Commit(T0);
        var d1 = Repository.Deploy(c1.Sha, "production", T0.AddHours(1), ("in_progress", 1), ("success", 5));
        var c2 = Repository.SquashMerge(12, T0.AddDays(1), T0.AddHours(2), T0.AddHours(20));
        var d2 = Repository.Deploy(c2.Sha, "production", T0.AddDays(1).AddHours(1), ("success", 10));
        Repository.Deploy(c2.Sha, "model-production", T0.AddDays(1).AddHours(2), ("success", 30));
        var c3 = Repository.Commit(T0.AddDays(2));
        var c4 = Repository.Commit(T0.AddDays(2).AddHours(3));
        var d3 = Repository.Deploy(c4.Sha, "production", T0.AddDays(3), ("success", 10), ("failure", 60));
        var d4 = Repository.Deploy(c4.Sha, "production", T0.AddDays(4), ("failure", 3));
        Repository.Deploy(c4.Sha, "staging", T0.AddDays(4).AddHours(1), ("success", 3));
        Repository.Deploy(c4.Sha, "model-production", T0.AddDays(5), ("success", 30));
        var d6 = Repository.Deploy(c4.Sha, "production", T0.AddDays(6), ("pending", 0));
        Repository.Issue(3, SourceFixture.Now.AddDays(-120), SourceFixture.Now.AddDays(-119), "incident");
        Repository.Issue(7, T0.AddDays(3).AddMinutes(30), T0.AddDays(3).AddHours(2), "incident", "bug");
        Repository.Issue(8, T0.AddDays(5).AddHours(1), null, "model-incident");
        Repository.Issues.Add(new FakeIssue(9, ["incident"], T0.AddDays(4), null, T0.AddDays(4), IsPullRequest: true));
        Repository.Issue(11, T0.AddDays(4), null, "bug");
        return new Story(c1, c2, c3, c4, d1, d2, d3, d4, d6);
    }

    private sealed record Story(
        FakeCommit C1, FakeCommit C2, FakeCommit C3, FakeCommit C4, FakeDeployment D1, FakeDeployment D2, FakeDeployment D3, FakeDeployment D4, FakeDeployment D6);
}
