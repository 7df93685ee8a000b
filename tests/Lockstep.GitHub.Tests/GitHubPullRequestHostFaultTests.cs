using Lockstep.Core.Platform;

namespace Lockstep.GitHub.Tests;

public sealed class GitHubPullRequestHostFaultTests : IDisposable
{
    private readonly HostFixture fixture = new();

    private FakeGitHub GitHub => fixture.GitHub;

    [Fact]
    public async Task A_server_error_is_retried_after_a_backoff()
    {
        GitHub.Fail("GET", 502);

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Waits);
        Assert.Equal(3, GitHub.Requests.Count);
    }

    [Fact]
    public async Task A_create_answered_with_a_server_error_is_looked_for_before_trying_again()
    {
        GitHub.Fail("POST", 500);
        GitHub.Fail("POST", 500);

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Single(GitHub.Comments);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], fixture.Waits);
    }

    [Fact]
    public async Task Server_errors_give_up_after_the_attempts_allowed_without_showing_the_token()
    {
        for (var i = 0; i < 4; i++)
        {
            GitHub.Fail("GET", 503, body: $$"""{"message":"unavailable for token {{HostFixture.Token}}"}""");
        }

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal(
            "Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 503 (unavailable for token ***); gave up after 4 attempts.",
            error.Message);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], fixture.Waits);
        Assert.Empty(GitHub.Comments);
    }

    [Fact]
    public async Task The_primary_rate_limit_is_waited_out_until_its_reset()
    {
        GitHub.Fail("GET", 403, "rate-limit-primary.json", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5000",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = (HostFixture.Now.ToUnixTimeSeconds() + 30).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Resource"] = "core",
        });

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(31)], fixture.Waits);
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_for_retry_after()
    {
        GitHub.Fail("POST", 403, "rate-limit-secondary.json", new Dictionary<string, string> { ["Retry-After"] = "7" });
        GitHub.Fail("GET", 429, body: """{"message":"Too Many Requests"}""", headers: new Dictionary<string, string> { ["Retry-After"] = "3" });

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(3)], fixture.Waits);
        Assert.Single(GitHub.Comments);
    }

    [Fact]
    public async Task A_rate_limit_reset_beyond_the_budget_fails_at_once_with_a_clear_message()
    {
        GitHub.Fail("GET", 403, "rate-limit-primary.json", new Dictionary<string, string>
        {
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = (HostFixture.Now.ToUnixTimeSeconds() + 2400).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal(
            "Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 403 (API rate limit exceeded for installation ID 1000): primary rate limit until 2026-07-01T12:40:01Z, beyond the 2 min Lockstep waits for rate limits.",
            error.Message);
        Assert.Empty(fixture.Waits);
        Assert.Single(GitHub.Requests);
    }

    [Fact]
    public async Task A_read_only_token_on_a_fork_pull_request_explains_the_workflow_run_pattern()
    {
        GitHub.Fail("POST", 403, "forbidden-integration.json");

        var error = await Assert.ThrowsAsync<CommentNotPermittedException>(() => fixture.Post("fail\n", failing: true));

        Assert.Equal(
            "Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 403 (Resource not accessible by integration); "
            + "the token is read-only, as on pull requests from forks: post the report from a workflow triggered by workflow_run, which gets a write token.",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(HostFixture.Token, error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Waits);
    }

    [Fact]
    public async Task A_missing_pull_request_is_not_retried()
    {
        GitHub.Fail("GET", 404, "not-found.json");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.IsNotType<CommentNotPermittedException>(error);
        Assert.Equal("Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 404 (repos/octo-org/model-repo/issues/7/comments was not found); check the repository and pull request number, and that the token can see them.", error.Message);
        Assert.Single(GitHub.Requests);
    }

    [Fact]
    public void The_settings_never_print_the_token()
    {
        var settings = new GitHubHostSettings { Token = HostFixture.Token };

        Assert.DoesNotContain(HostFixture.Token, settings.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => fixture.Dispose();
}
