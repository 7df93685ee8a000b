using Lockstep.Core.Platform;

namespace Lockstep.AzureDevOps.Tests;

public sealed class AzureDevOpsFaultTests : IDisposable
{
    private const string What = "Lockstep report 'gate' not posted on Fabrikam-Fiber/3411ebc1-d5aa-464f-9615-0b527bc66719#22";

    private static readonly string SignInPage = """
        <!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head>
        <body><form action="https://login.microsoftonline.com/common/oauth2/authorize"></form></body></html>
        """;

    private readonly AzureFixture fixture = new();

    private FakeAzureDevOps Azure => fixture.Azure;

    [Fact]
    public async Task A_throttled_request_waits_for_retry_after()
    {
        Azure.Fail("GET", 429, headers: new Dictionary<string, string> { ["Retry-After"] = "7", ["X-RateLimit-Resource"] = "ATCPU" });

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(7)], fixture.Clock.Waits);
        Assert.Equal(3, Azure.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_is_retried_after_a_backoff()
    {
        Azure.Fail("GET", 503);
        Azure.Fail("GET", 500);

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], fixture.Clock.Waits);
    }

    [Fact]
    public async Task Server_errors_give_up_after_the_attempts_allowed_without_showing_the_token()
    {
        for (var i = 0; i < 4; i++)
        {
            Azure.Fail("GET", 503, $$"""{"message":"unavailable for {{AzureFixture.Token}}"}""");
        }

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal($"{What}: Azure DevOps answered 503 (unavailable for ***); gave up after 4 attempts.", error.Message);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], fixture.Clock.Waits);
        Assert.Empty(Azure.LockstepThreads);
    }

    [Fact]
    public async Task A_wait_beyond_the_budget_fails_at_once()
    {
        Azure.Fail("GET", 429, headers: new Dictionary<string, string> { ["Retry-After"] = "600" });

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal($"{What}: Azure DevOps answered 429 (VS30063: fault 429); it asked to wait 10 min more, beyond the 2 min Lockstep waits in all.", error.Message);
        Assert.Empty(fixture.Clock.Waits);
        Assert.Single(Azure.Requests);
    }

    [Fact]
    public async Task The_budget_counts_every_wait_of_the_run()
    {
        using var tight = new AzureFixture(budget: TimeSpan.FromSeconds(5));
        tight.Azure.Fail("GET", 500);
        tight.Azure.Fail("GET", 500);

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => tight.Post("pass\n"));

        Assert.EndsWith("; it asked to wait 4 s more, beyond the 5 s Lockstep waits in all.", error.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(2)], tight.Clock.Waits);
    }

    [Fact]
    public async Task A_thread_create_answered_with_a_server_error_is_looked_for_before_trying_again()
    {
        Azure.Fail("POST", 500);

        var result = await fixture.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Single(Azure.LockstepThreads);
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Clock.Waits);
        Assert.Equal(["GET", "POST", "GET", "POST"], Azure.Requests.Select(r => r.Split(' ')[0]));
    }

    [Fact]
    public async Task A_thread_create_that_was_stored_before_a_502_is_found_and_not_created_again()
    {
        Azure.Fail("POST", 502, afterStoring: true);

        var result = await fixture.Post("pass\n");

        // Mode always: the stored thread is found and edited in place with the same report.
        Assert.Equal(CommentOutcome.Updated, result.Outcome);
        Assert.Single(Azure.LockstepThreads);
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Clock.Waits);
        Assert.Equal(["GET", "POST", "GET", "PATCH"], Azure.Requests.Select(r => r.Split(' ')[0]));
    }

    [Fact]
    public async Task A_refused_token_names_the_token_and_is_not_retried()
    {
        Azure.Fail("GET", 401, string.Empty, contentType: "text/plain");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal($"{What}: Azure DevOps answered 401; {AzureDevOpsFaultMessages.SignIn}.", error.Message);
        Assert.Single(Azure.Requests);
    }

    [Fact]
    public async Task A_sign_in_page_instead_of_data_is_a_refused_token_not_a_reply()
    {
        Azure.Fail("GET", 203, SignInPage, contentType: "text/html; charset=utf-8");

        var error = await Assert.ThrowsAsync<PullRequestHostException>(() => fixture.Post("pass\n"));

        Assert.Equal($"{What}: Azure DevOps answered 203 with a sign-in page instead of data; {AzureDevOpsFaultMessages.SignIn}.", error.Message);
        Assert.Empty(Azure.LockstepThreads);
    }

    [Fact]
    public async Task A_missing_permission_is_named_as_the_security_page_names_it()
    {
        Azure.Fail("POST", 403, """{"$id":"1","message":"TF401027: You need the Git 'PullRequestContribute' permission to perform this action. Details: identity 'Build\\0f7a', scope 'repository'.","typeKey":"GitNeedsPermissionException","errorCode":0}""");

        var error = await Assert.ThrowsAsync<CommentNotPermittedException>(() => fixture.Post("fail\n", failing: true));

        Assert.Equal(
            $"{What}: Azure DevOps answered 403 (TF401027: You need the Git 'PullRequestContribute' permission to perform this action. Details: identity 'Build\\0f7a', scope 'repository'); the build identity needs 'Contribute to pull requests'.",
            error.Message);
        Assert.Empty(fixture.Clock.Waits);
    }

    [Fact]
    public async Task A_status_answered_with_a_server_error_is_posted_again()
    {
        Azure.Fail("POST", 502);

        await fixture.Host.PostStatusAsync(AzureFixture.Target, new PullRequestStatus(PullRequestStatusState.Succeeded, "Lockstep gate: pass", null), CancellationToken.None);

        Assert.Single(Azure.Statuses);
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Clock.Waits);
    }

    [Fact]
    public void The_settings_and_the_credential_never_print_the_token()
    {
        Assert.DoesNotContain(AzureFixture.Token, fixture.Settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AzureFixture.Token, fixture.Settings.Credential.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AzureFixture.Token, fixture.Settings.Retry.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => fixture.Dispose();
}

/// <summary>The sign-in hint, as the product words it.</summary>
internal static class AzureDevOpsFaultMessages
{
    public const string SignIn = "the token was not accepted: pass the job's System.AccessToken (or a personal access token that has not expired) to the task";
}
