using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.AzureDevOps.Tests;

public sealed class AzureDevOpsPullRequestHostTests : IDisposable
{
    private const string Threads = "/fabrikam/Fabrikam-Fiber/_apis/git/repositories/3411ebc1-d5aa-464f-9615-0b527bc66719/pullRequests/22/threads";

    private readonly AzureFixture fixture = new();

    private FakeAzureDevOps Azure => fixture.Azure;

    [Fact]
    public async Task The_first_run_creates_one_thread_with_the_marker_closed_for_a_passing_gate()
    {
        var result = await fixture.Post("### ✅ Lockstep gate: **pass**\n");

        var thread = Assert.Single(Azure.LockstepThreads);
        Assert.Equal($"{ReportMarker.Format("gate", ReportMarker.Digest("### ✅ Lockstep gate: **pass**\n"))}\n### ✅ Lockstep gate: **pass**\n", thread.Content);
        Assert.Equal("closed", thread.Status);
        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal(new Uri($"{Azure.CollectionUri}Fabrikam-Fiber/_git/{FakeAzureDevOps.RepositoryId}/pullrequest/22?discussionId={thread.Id}"), result.Url);
        Azure.AssertRequests([$"GET {Threads}", $"POST {Threads}"]);
        Assert.All(Azure.ApiVersions, version => Assert.Equal("7.1", version));
        Assert.All(Azure.AuthorizationHeaders, header => Assert.Equal($"Bearer {AzureFixture.Token}", header));
    }

    [Fact]
    public async Task Later_runs_edit_the_first_comment_in_place_and_open_the_thread_while_the_gate_fails()
    {
        await fixture.Post("pass\n");
        var id = Assert.Single(Azure.LockstepThreads).Id;

        var failing = await fixture.Post("fail\n", failing: true);
        var again = await fixture.Post("fail\n", failing: true);

        var thread = Assert.Single(Azure.LockstepThreads);
        Assert.Equal((id, "active", 1), (thread.Id, thread.Status, thread.Comments));
        Assert.EndsWith("\nfail\n", thread.Content, StringComparison.Ordinal);
        Assert.Equal((CommentOutcome.Updated, CommentOutcome.Updated), (failing.Outcome, again.Outcome));
        Azure.AssertRequests(
            [
                $"GET {Threads}", $"POST {Threads}",
                $"GET {Threads}", $"PATCH {Threads}/{id}/comments/1", $"PATCH {Threads}/{id}",
                $"GET {Threads}", $"PATCH {Threads}/{id}/comments/1",
            ]);
    }

    [Fact]
    public async Task A_fixed_gate_closes_the_thread_so_a_comment_resolution_policy_lets_the_merge_through()
    {
        await fixture.Post("fail\n", failing: true);

        await fixture.Post("pass\n");

        Assert.Equal("closed", Assert.Single(Azure.LockstepThreads).Status);
    }

    [Fact]
    public async Task An_unchanged_report_sends_no_edit_but_reopens_a_thread_resolved_by_hand()
    {
        await fixture.Post("fail\n", CommentMode.Changes, failing: true);
        var id = Assert.Single(Azure.LockstepThreads).Id;
        Azure.SetThreadStatus(id, "fixed");

        var result = await fixture.Post("fail\n", CommentMode.Changes, failing: true);

        Assert.Equal(CommentOutcome.Unchanged, result.Outcome);
        Assert.Equal("active", Assert.Single(Azure.LockstepThreads).Status);
        Assert.DoesNotContain(Azure.Requests, r => r.Contains("/comments/", StringComparison.Ordinal));
        Assert.Equal($"PATCH {Threads}/{id}", Azure.Requests[^1]);
    }

    [Fact]
    public async Task A_report_longer_than_GitHubs_limit_is_posted_whole_and_one_longer_than_Azures_is_cut()
    {
        var row = "| `gate` | auc | 0.91 | 0.93 | −0.02 | ≤ 0.01 | ❌ fail |\n";
        var longer = string.Concat(Enumerable.Repeat(row, 100_000 / row.Length));
        var tooLong = string.Concat(Enumerable.Repeat(row, 200_000 / row.Length));

        await fixture.Post(longer, reportId: "long");
        await fixture.Post(tooLong, reportId: "too-long");

        var threads = Azure.LockstepThreads;
        Assert.Equal(2, threads.Count);
        Assert.EndsWith("\n" + longer, threads[0].Content, StringComparison.Ordinal);
        Assert.InRange(threads[1].Content.Length, 149_000, 150_000);
        Assert.EndsWith("_This report was cut to fit the 150,000-character comment limit; the summary of the run has all of it._\n", threads[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threads_of_others_and_a_quoted_marker_are_left_alone()
    {
        var before = Azure.Threads;
        var quoted = Azure.SeedThread("As the bot said:\n" + CommentBody.Compose("gate", "pass\n", AzureDevOpsPullRequestHost.CommentLimit));

        await fixture.Post("pass\n");

        Assert.Equal(before.Count + 2, Azure.Threads.Count);
        Assert.Equal(before, Azure.Threads.Take(before.Count));
        Assert.DoesNotContain(Azure.Requests, r => r.Contains($"/{quoted}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_report_id_keeps_its_own_thread()
    {
        await fixture.Post("gate\n", reportId: "gate");
        await fixture.Post("dora\n", reportId: "dora");
        await fixture.Post("gate again\n", reportId: "gate");

        Assert.Collection(
            Azure.LockstepThreads,
            gate => Assert.EndsWith("\ngate again\n", gate.Content, StringComparison.Ordinal),
            dora => Assert.EndsWith("\ndora\n", dora.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thread_deleted_since_it_was_listed_is_posted_again()
    {
        var id = Azure.SeedThread(CommentBody.Compose("gate", "pass\n", AzureDevOpsPullRequestHost.CommentLimit), "closed");
        Azure.Fail("PATCH", 404, """{"message":"TF401181: The comment 1 could not be found."}""");

        var result = await fixture.Post("fail\n", failing: true);

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal(2, Azure.LockstepThreads.Count);
        Assert.NotEqual(id, Azure.LockstepThreads[^1].Id);
    }

    [Fact]
    public async Task Mode_off_sends_nothing_and_failures_mode_skips_a_passing_gate()
    {
        var off = await fixture.Post("fail\n", CommentMode.Off, failing: true);
        var failures = await fixture.Post("pass\n", CommentMode.Failures);

        Assert.Equal((CommentOutcome.Skipped, CommentOutcome.Skipped), (off.Outcome, failures.Outcome));
        Assert.Empty(Azure.LockstepThreads);
        Azure.AssertRequests([$"GET {Threads}"]);
    }

    [Fact]
    public async Task The_status_is_genre_lockstep_name_gate_with_the_state_and_the_build()
    {
        var build = new Uri($"{Azure.CollectionUri}Fabrikam-Fiber/_build/results?buildId=4711");

        await fixture.Host.PostStatusAsync(AzureFixture.Target, new PullRequestStatus(PullRequestStatusState.Failed, "Lockstep gate: fail — roll back (drift-rollback)", build), CancellationToken.None);

        var status = Assert.Single(Azure.Statuses);
        Assert.Equal(
            $$"""{"state":"failed","description":"Lockstep gate: fail — roll back (drift-rollback)","context":{"genre":"lockstep","name":"gate"},"targetUrl":"{{build}}"}""",
            status.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Azure.AssertRequests(["POST /fabrikam/Fabrikam-Fiber/_apis/git/repositories/3411ebc1-d5aa-464f-9615-0b527bc66719/pullRequests/22/statuses"]);
    }

    [Fact]
    public async Task The_creation_date_comes_from_the_pull_request()
    {
        var created = await fixture.Host.GetCreationDateAsync(AzureFixture.Target, CancellationToken.None);

        Assert.Equal(DateTimeOffset.Parse("2026-11-18T09:12:44.8210357Z", System.Globalization.CultureInfo.InvariantCulture), created);
    }

    [Fact]
    public async Task A_personal_access_token_is_sent_as_basic_with_an_empty_user()
    {
        using var pat = new AzureFixture(token: "pat0123456789abcdefghijklmnopqrstuvwxyz0123456789ab");

        await pat.Post("pass\n");

        Assert.All(pat.Azure.AuthorizationHeaders, header =>
            Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(":pat0123456789abcdefghijklmnopqrstuvwxyz0123456789ab")), header));
    }

    public void Dispose() => fixture.Dispose();
}
