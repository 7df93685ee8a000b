using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.GitHub.Tests;

public sealed class GitHubPullRequestHostTests : IDisposable
{
    private const string ListPath = "GET /api/v3/repos/octo-org/model-repo/issues/7/comments?sort=created&direction=asc&per_page=100";
    private const string CreatePath = "POST /api/v3/repos/octo-org/model-repo/issues/7/comments";

    private readonly HostFixture fixture = new();

    private FakeGitHub GitHub => fixture.GitHub;

    [Fact]
    public async Task The_first_run_creates_the_comment_with_the_marker_and_the_token()
    {
        var result = await fixture.Post("### ✅ Lockstep gate: **pass**\n");

        var comment = Assert.Single(GitHub.Comments);
        Assert.Equal(new CommentResult(CommentOutcome.Created, FakeGitHub.HtmlUrl(comment.Id)), result);
        GitHub.AssertRequests([ListPath, CreatePath]);
        Assert.Equal($"{ReportMarker.Format("gate", ReportMarker.Digest("### ✅ Lockstep gate: **pass**\n"))}\n### ✅ Lockstep gate: **pass**\n", comment.Body);
        Assert.All(GitHub.AuthorizationHeaders, header => Assert.Equal($"Token {HostFixture.Token}", header));
    }

    [Fact]
    public async Task Later_runs_update_the_same_comment_and_never_add_another()
    {
        await fixture.Post("pass\n");
        var id = Assert.Single(GitHub.Comments).Id;

        var updated = await fixture.Post("fail\n", failing: true);
        var again = await fixture.Post("fail\n", failing: true);

        var comment = Assert.Single(GitHub.Comments);
        Assert.Equal(id, comment.Id);
        Assert.EndsWith("\nfail\n", comment.Body, StringComparison.Ordinal);
        Assert.Equal(CommentOutcome.Updated, updated.Outcome);
        Assert.Equal(CommentOutcome.Updated, again.Outcome);
        var patch = $"PATCH /api/v3/repos/octo-org/model-repo/issues/comments/{id}";
        GitHub.AssertRequests([ListPath, CreatePath, ListPath, patch, ListPath, patch]);
    }

    [Fact]
    public async Task Each_report_id_keeps_its_own_comment()
    {
        await fixture.Post("gate: pass\n", reportId: "gate");
        await fixture.Post("dora: deploys up\n", reportId: "dora");
        await fixture.Post("gate: fail\n", reportId: "gate", failing: true);

        Assert.Collection(
            GitHub.Comments,
            gate => Assert.StartsWith("<!-- lockstep:report id=gate ", gate.Body, StringComparison.Ordinal),
            dora => Assert.EndsWith("\ndora: deploys up\n", dora.Body, StringComparison.Ordinal));
        Assert.EndsWith("\ngate: fail\n", GitHub.Comments[0].Body, StringComparison.Ordinal);
        Assert.Equal(2, GitHub.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_previous_comment_is_found_on_a_later_page_through_the_link_headers()
    {
        for (var i = 0; i < 120; i++)
        {
            GitHub.Seed($"review comment {i}", login: "reviewer");
        }

        var ours = GitHub.Seed(CommentBody.Compose("gate", "pass\n", GitHubPullRequestHost.CommentLimit));
        for (var i = 0; i < 30; i++)
        {
            GitHub.Seed($"late comment {i}", login: "reviewer");
        }

        var result = await fixture.Post("fail\n", failing: true);

        Assert.Equal(new CommentResult(CommentOutcome.Updated, FakeGitHub.HtmlUrl(ours.Id)), result);
        GitHub.AssertRequests(
            [
                ListPath,
                "GET /api/v3/repositories/1000/issues/7/comments?sort=created&direction=asc&per_page=100&page=2",
                $"PATCH /api/v3/repos/octo-org/model-repo/issues/comments/{ours.Id}",
            ]);
        Assert.Equal(151, GitHub.Comments.Count);
    }

    [Fact]
    public async Task Comments_by_someone_else_do_not_count_when_an_author_is_set()
    {
        using var withAuthor = new HostFixture(author: FakeGitHub.Bot);
        var planted = withAuthor.GitHub.Seed(CommentBody.Compose("gate", "pass\n", GitHubPullRequestHost.CommentLimit), login: "mallory");

        var result = await withAuthor.Post("pass\n");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Equal(planted.Body, withAuthor.GitHub.Comments[0].Body);
        Assert.Equal(2, withAuthor.GitHub.Comments.Count);
    }

    [Fact]
    public async Task A_report_longer_than_the_limit_is_cut_and_keeps_its_marker()
    {
        var markdown = string.Concat(Enumerable.Repeat("| `gate` | auc | 0.91 | 0.93 | −0.02 | ≤ 0.01 | ❌ fail |\n", 2_000));

        await fixture.Post(markdown);

        var body = Assert.Single(GitHub.SentBodies);
        Assert.InRange(body.Length, 60_000, GitHubPullRequestHost.CommentLimit);
        Assert.True(ReportMarker.TryRead(body, out var stamp));
        Assert.Equal(ReportMarker.Digest(markdown), stamp.Digest);
        Assert.EndsWith("_This report was cut to fit the 65,536-character comment limit; the summary of the run has all of it._\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_mode_sends_nothing_when_the_report_is_the_same()
    {
        var first = await fixture.Post("pass\n", CommentMode.Changes);

        var second = await fixture.Post("pass\n", CommentMode.Changes);
        var third = await fixture.Post("fail\n", CommentMode.Changes, failing: true);

        Assert.Equal(CommentOutcome.Created, first.Outcome);
        Assert.Equal(new CommentResult(CommentOutcome.Unchanged, first.Url), second);
        Assert.Equal(new CommentResult(CommentOutcome.Updated, first.Url), third);
        GitHub.AssertRequests([ListPath, CreatePath, ListPath, ListPath, $"PATCH /api/v3/repos/octo-org/model-repo/issues/comments/{GitHub.Comments[0].Id}"]);
    }

    [Fact]
    public async Task Failures_mode_skips_a_passing_gate_without_a_previous_comment()
    {
        var result = await fixture.Post("pass\n", CommentMode.Failures);

        Assert.Equal(new CommentResult(CommentOutcome.Skipped, null), result);
        GitHub.AssertRequests([ListPath]);
        Assert.Empty(GitHub.Comments);
    }

    [Fact]
    public async Task Failures_mode_posts_a_failing_gate_and_later_updates_it_when_it_passes()
    {
        var failed = await fixture.Post("fail\n", CommentMode.Failures, failing: true);
        var fixedNow = await fixture.Post("pass\n", CommentMode.Failures);

        Assert.Equal(CommentOutcome.Created, failed.Outcome);
        Assert.Equal(CommentOutcome.Updated, fixedNow.Outcome);
        Assert.EndsWith("\npass\n", Assert.Single(GitHub.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_mode_sends_no_request()
    {
        var result = await fixture.Post("fail\n", CommentMode.Off, failing: true);

        Assert.Equal(CommentOutcome.Skipped, result.Outcome);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task A_comment_deleted_before_the_update_is_posted_again()
    {
        var old = GitHub.Seed(CommentBody.Compose("gate", "pass\n", GitHubPullRequestHost.CommentLimit));
        GitHub.DeleteAfterNextListing = old.Id;

        var result = await fixture.Post("fail\n", failing: true);

        var comment = Assert.Single(GitHub.Comments);
        Assert.NotEqual(old.Id, comment.Id);
        Assert.Equal(new CommentResult(CommentOutcome.Created, FakeGitHub.HtmlUrl(comment.Id)), result);
        GitHub.AssertRequests([ListPath, $"PATCH /api/v3/repos/octo-org/model-repo/issues/comments/{old.Id}", CreatePath]);
    }

    [Fact]
    public async Task An_invalid_report_id_is_refused_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Post("pass\n", reportId: "gate -->"));

        Assert.Empty(GitHub.Requests);
    }

    public void Dispose() => fixture.Dispose();
}
