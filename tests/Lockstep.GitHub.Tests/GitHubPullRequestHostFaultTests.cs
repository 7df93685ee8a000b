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
    public async Task A_create_that_github_stored_before_answering_502_is_found_not_posted_again()
    {
        GitHub.Fail("POST", 502, afterStoring: true);

        var result = await fixture.Post("pass\n");

        var comment = Assert.Single(GitHub.Comments);
        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal(FakeGitHub.HtmlUrl(comment.Id), result.Url);
        Assert.EndsWith("pass\n", comment.Body, StringComparison.Ordinal);
        GitHub.AssertRequests([
            "GET /api/v3/repos/octo-org/model-repo/issues/7/comments?sort=created&direction=asc&per_page=100",
            "POST /api/v3/repos/octo-org/model-repo/issues/7/comments",
            "GET /api/v3/repos/octo-org/model-repo/issues/7/comments?sort=created&direction=asc&per_page=100",
        ]);
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Waits);
    }

    [Fact]
    public async Task Creates_that_keep_failing_give_up_after_the_attempts_allowed_without_a_duplicate()
    {
        for (var i = 0; i < 4; i++)
        {
            GitHub.Fail("POST", 502);
        }

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal("Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 502 (Server Error); gave up after 4 attempts.", error.Message);
        Assert.Empty(GitHub.Comments);
        Assert.Equal(4, GitHub.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], fixture.Waits);
    }

    [Fact]
    public async Task A_create_stopped_by_the_budget_says_so_rather_than_counting_attempts()
    {
        using var tight = new HostFixture(budget: TimeSpan.FromSeconds(5));
        for (var i = 0; i < 4; i++)
        {
            tight.GitHub.Fail("POST", 502);
        }

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => tight.Post("pass\n"));

        Assert.Equal("Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 502 (Server Error); the next try would wait beyond the 5 s Lockstep waits in all.", error.Message);
        Assert.Equal(2, tight.GitHub.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)));
        Assert.Equal([TimeSpan.FromSeconds(2)], tight.Waits);
        Assert.Empty(tight.GitHub.Comments);
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
    public async Task A_secondary_rate_limit_waits_for_retry_after_and_then_sends_the_same_request()
    {
        GitHub.Fail("GET", 429, body: """{"message":"Too Many Requests"}""", headers: new Dictionary<string, string> { ["Retry-After"] = "3" });
        GitHub.Fail("POST", 403, "rate-limit-secondary.json", new Dictionary<string, string> { ["Retry-After"] = "7" });

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7)], fixture.Waits);
        Assert.Single(GitHub.Comments);
        GitHub.AssertRequests([
            "GET /api/v3/repos/octo-org/model-repo/issues/7/comments?sort=created&direction=asc&per_page=100",
            "GET /api/v3/repos/octo-org/model-repo/issues/7/comments?sort=created&direction=asc&per_page=100",
            "POST /api/v3/repos/octo-org/model-repo/issues/7/comments",
            "POST /api/v3/repos/octo-org/model-repo/issues/7/comments",
        ]);
    }

    [Fact]
    public async Task A_secondary_rate_limit_without_retry_after_waits_a_minute()
    {
        GitHub.Fail("POST", 403, "rate-limit-secondary.json");

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromMinutes(1)], fixture.Waits);
    }

    [Fact]
    public async Task A_403_whose_message_says_the_rate_limit_is_exceeded_waits_for_the_reset_without_remaining_header()
    {
        GitHub.Fail("GET", 403, body: """{"message":"API rate limit exceeded for 192.0.2.1."}""", headers: new Dictionary<string, string>
        {
            ["X-RateLimit-Reset"] = (HostFixture.Now.ToUnixTimeSeconds() + 44).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(45)], fixture.Waits);
    }

    [Fact]
    public async Task A_rate_limit_that_outlasts_the_attempts_says_rate_limit_and_when_it_resets_not_permissions()
    {
        for (var i = 0; i < 4; i++)
        {
            GitHub.Fail("GET", 403, "rate-limit-primary.json", new Dictionary<string, string>
            {
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset"] = HostFixture.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal(
            "Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 403 (API rate limit exceeded for installation ID 1000): "
                + "primary rate limit until 2026-07-01T12:00:01Z; gave up after 4 attempts.",
            error.Message);
        Assert.DoesNotContain("pull-requests: write", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, GitHub.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_ends_a_rate_limit_wait()
    {
        var settings = new GitHubHostSettings
        {
            ApiBaseAddress = GitHub.ApiBase,
            Token = HostFixture.Token,
            Retry = new Lockstep.Http.HttpRetryPolicy { Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(HostFixture.Now) },
        };
        GitHub.Fail("GET", 429, body: """{"message":"Too Many Requests"}""", headers: new Dictionary<string, string> { ["Retry-After"] = "60" });
        using var cancel = new CancellationTokenSource();

        var posting = new GitHubPullRequestHost(settings).UpsertReportAsync(HostFixture.Target, "gate", "pass\n", CommentMode.Always, false, cancel.Token);
        while (GitHub.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(GitHub.Requests);
        Assert.Empty(GitHub.Comments);
    }

    [Fact]
    public async Task A_plain_403_still_names_the_permission()
    {
        GitHub.Fail("POST", 403, body: """{"message":"Must have admin rights to Repository."}""");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.IsNotType<CommentNotPermittedException>(error);
        Assert.Equal(
            "Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 403 (Must have admin rights to Repository); the token needs pull-requests: write (or issues: write).",
            error.Message);
        Assert.Empty(fixture.Waits);
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
            "Lockstep report 'gate' not posted on octo-org/model-repo#7: GitHub answered 403 (API rate limit exceeded for installation ID 1000): primary rate limit until 2026-07-01T12:40:01Z, beyond the 2 min Lockstep waits in all.",
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
