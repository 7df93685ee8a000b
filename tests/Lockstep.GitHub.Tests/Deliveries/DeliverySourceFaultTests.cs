using System.Globalization;
using Lockstep.Core.Dora;
using Lockstep.GitHub.Deliveries;

namespace Lockstep.GitHub.Tests.Deliveries;

public sealed class DeliverySourceFaultTests : IDisposable
{
    private static readonly DateTimeOffset T0 = SourceFixture.Now.AddDays(-10);

    private readonly SourceFixture fixture = new();
    private readonly FakeCommit c1;

    public DeliverySourceFaultTests()
    {
        var repository = fixture.Repository;
        c1 = repository.Commit(T0);
        repository.Deploy(c1.Sha, "production", T0.AddHours(1), ("success", 5));
        var c2 = repository.Commit(T0.AddDays(1));
        repository.Deploy(c2.Sha, "production", T0.AddDays(1).AddHours(1), ("success", 5));
        repository.Issue(4, T0.AddDays(2), T0.AddDays(2).AddHours(1), "incident");
    }

    private FakeDeliveryHistory GitHub => fixture.GitHub;

    [Fact]
    public async Task A_server_error_is_retried_after_a_backoff()
    {
        GitHub.Fail("/statuses", 502, """{"message":"Server Error"}""");

        var history = await fixture.ReadAsync();

        Assert.Equal(2, history.Events.OfType<Deployment>().Count());
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Waits);
        Assert.Equal(2, GitHub.Requests.Count(r => r.EndsWith("/deployments/1001/statuses?per_page=100", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_primary_rate_limit_is_waited_out_until_its_reset()
    {
        GitHub.Fail("/deployments", 403, Fixture("rate-limit-primary.json"), RateLimited(SourceFixture.Now.AddSeconds(30)));

        var history = await fixture.ReadAsync();

        Assert.Equal(3, history.Events.Count);
        Assert.Equal([TimeSpan.FromSeconds(31)], fixture.Waits);
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_for_retry_after()
    {
        GitHub.Fail("/compare/", 429, """{"message":"Too Many Requests"}""", new Dictionary<string, string> { ["Retry-After"] = "3" });

        var history = await fixture.ReadAsync();

        Assert.Single(history.Events.OfType<Deployment>(), d => d.Commits.Count == 1 && d.Id == "1001");
        Assert.Equal([TimeSpan.FromSeconds(3)], fixture.Waits);
    }

    [Fact]
    public async Task A_rate_limit_beyond_the_budget_fails_clearly_and_the_cache_keeps_what_was_read()
    {
        GitHub.Fail("/compare/", 403, Fixture("rate-limit-primary.json"), RateLimited(SourceFixture.Now.AddHours(1)));

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.StartsWith("commits between ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": primary rate limit until 2026-11-26T01:00:01Z, beyond the 2 min Lockstep waits in all.", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Waits);

        var resumed = await fixture.ReadAgainAsync();

        Assert.Equal(3, resumed.Events.Count);
        Assert.DoesNotContain($"GET /repos/octo-org/model-repo/commits/{c1.Sha}", GitHub.Requests);
        Assert.Contains($"GET /repos/octo-org/model-repo/compare/{c1.Sha}...{fixture.Repository.Main[1].Sha}?per_page=100", GitHub.Requests);
    }

    [Fact]
    public async Task A_token_that_may_not_read_issues_fails_naming_the_permissions()
    {
        GitHub.Fail("/issues", 403, Fixture("forbidden-integration.json"));

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.Equal(
            "issues of octo-org/model-repo labelled incident not read: GitHub answered 403 (Resource not accessible by integration); the token may not read this: "
                + "give the workflow permissions: contents: read, deployments: read, issues: read, pull-requests: read, actions: read.",
            error.Message);
    }

    [Fact]
    public async Task A_missing_repository_fails_once_without_retrying_and_without_showing_the_token()
    {
        GitHub.Fail("/deployments", 404, $$"""{"message":"Not Found for {{SourceFixture.Token}}"}""");

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.Equal(
            "deployments to production of octo-org/model-repo not read: GitHub answered 404 (Not Found for ***); check the repository, and that the token can read it "
                + "(permissions: contents: read, deployments: read, issues: read, pull-requests: read, actions: read).",
            error.Message);
        Assert.Single(GitHub.Requests);
    }

    [Fact]
    public async Task Server_errors_give_up_after_the_attempts_allowed()
    {
        for (var i = 0; i < 4; i++)
        {
            GitHub.Fail("/deployments", 503, """{"message":"unavailable"}""");
        }

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.EndsWith("GitHub answered 503 (unavailable); gave up after 4 attempts.", error.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], fixture.Waits);
    }

    [Fact]
    public async Task A_compare_commit_without_parents_is_one_line_naming_the_request_and_field_and_the_cache_keeps_what_was_read()
    {
        GitHub.Omit("/compare/", "parents");
        var c2 = fixture.Repository.Main[1];

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.Equal(
            $"GitHub's answer to GET /repos/octo-org/model-repo/compare/{c1.Sha}...{c2.Sha} lacks the field commits[0].parents; Lockstep does not guess it. "
                + "Run again; if it persists, the API (or a proxy in front of it) does not answer as GitHub's REST API does.",
            error.Message);
        Assert.Equal([1000L, 1001L], fixture.Cache.Deployments.Keys.Order());
        Assert.True(fixture.Cache.Commits.ContainsKey(c1.Sha));
        Assert.Empty(fixture.Cache.Compares);
    }

    [Fact]
    public async Task A_deployment_without_created_at_is_refused_rather_than_dropped_from_the_period()
    {
        GitHub.Omit("/deployments", "created_at");

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.StartsWith("GitHub's answer to GET /repos/octo-org/model-repo/deployments lacks the field created_at (deployment 1001); ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_rate_limit_told_only_by_its_message_gives_up_naming_the_rate_limit_not_permissions()
    {
        GitHub.Fail("/issues", 403, """{"message":"API rate limit exceeded for user ID 1."}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Reset"] = SourceFixture.Now.AddMinutes(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.Equal(
            "issues of octo-org/model-repo labelled incident not read: GitHub answered 403 (API rate limit exceeded for user ID 1): "
                + "primary rate limit until 2026-11-26T00:30:01Z, beyond the 2 min Lockstep waits in all.",
            error.Message);
        Assert.Empty(fixture.Waits);
    }

    [Fact]
    public async Task Backoffs_and_rate_limit_waits_share_one_budget()
    {
        fixture.Budget = TimeSpan.FromSeconds(30);
        GitHub.Fail("/statuses", 502, """{"message":"Server Error"}""");
        GitHub.Fail("/issues", 429, """{"message":"Too Many Requests"}""", new Dictionary<string, string> { ["Retry-After"] = "29" });

        var error = await Assert.ThrowsAsync<GitHubSourceException>(fixture.ReadAsync);

        Assert.EndsWith("GitHub answered 429 (Too Many Requests): secondary rate limit until 2026-11-26T00:00:31Z, beyond the 30 s Lockstep waits in all.", error.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Waits);
    }

    public void Dispose() => fixture.Dispose();

    private static Dictionary<string, string> RateLimited(DateTimeOffset reset) => new()
    {
        ["X-RateLimit-Limit"] = "5000",
        ["X-RateLimit-Remaining"] = "0",
        ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Resource"] = "core",
    };

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
