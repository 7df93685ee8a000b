using Lockstep.Core.Platform;

namespace Lockstep.GitHub.Tests;

public sealed class GitHubCheckRunsTests : IDisposable
{
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

    private readonly HostFixture fixture = new();

    private FakeGitHub GitHub => fixture.GitHub;

    private GitHubCheckRuns Checks => new(fixture.Settings);

    [Fact]
    public async Task Creates_a_completed_check_run_with_the_report_and_its_annotations()
    {
        var url = await Checks.PublishAsync(
            Report(CheckRunConclusion.Failure, [
                new Annotation(AnnotationLevel.Error, "PSI 0.31 > 0.25", "models/churn/lockstep.yml", 7, "Lockstep gate 'drift-rollback' failed (rollback)"),
                new Annotation(AnnotationLevel.Warning, "P99 latency rose", "models/churn/lockstep.yml", 19),
            ]),
            CancellationToken.None);

        var run = Assert.Single(GitHub.CheckRuns);
        Assert.Equal(FakeGitHub.CheckRunUrl(4_000_000), url);
        Assert.Equal(("Lockstep gate", HeadSha, "failure"), (run.Name, run.HeadSha, run.Conclusion));
        Assert.Equal("fail: 2 of 5 gates did not pass", run.Title);
        Assert.Equal("### ❌ Lockstep gate: **fail**\n", run.Summary);
        Assert.Collection(
            run.Annotations,
            a =>
            {
                Assert.Equal("models/churn/lockstep.yml", a["path"]!.GetValue<string>());
                Assert.Equal((7, 7), (a["start_line"]!.GetValue<int>(), a["end_line"]!.GetValue<int>()));
                Assert.Equal("failure", a["annotation_level"]!.GetValue<string>());
                Assert.Equal("Lockstep gate 'drift-rollback' failed (rollback)", a["title"]!.GetValue<string>());
            },
            a => Assert.Equal("warning", a["annotation_level"]!.GetValue<string>()));
    }

    [Fact]
    public async Task More_than_fifty_annotations_follow_in_updates_of_the_same_run()
    {
        var annotations = Enumerable.Range(1, 120)
            .Select(i => new Annotation(AnnotationLevel.Warning, $"gate {i}", "lockstep.yml", i)).ToList();

        await Checks.PublishAsync(Report(CheckRunConclusion.Neutral, annotations), CancellationToken.None);

        var run = Assert.Single(GitHub.CheckRuns);
        Assert.Equal(Enumerable.Range(1, 120), run.Annotations.Select(a => a["start_line"]!.GetValue<int>()));
        Assert.Equal(
            ["POST /api/v3/repos/octo-org/model-repo/check-runs", "PATCH /api/v3/repos/octo-org/model-repo/check-runs/4000000", "PATCH /api/v3/repos/octo-org/model-repo/check-runs/4000000"],
            GitHub.Requests);
    }

    [Fact]
    public async Task An_annotation_without_a_file_is_left_out_and_a_missing_line_is_line_one()
    {
        await Checks.PublishAsync(
            Report(CheckRunConclusion.Failure, [new Annotation(AnnotationLevel.Error, "no file"), new Annotation(AnnotationLevel.Error, "no line", "lockstep.yml")]),
            CancellationToken.None);

        var annotation = Assert.Single(Assert.Single(GitHub.CheckRuns).Annotations);
        Assert.Equal(("no line", 1), (annotation["message"]!.GetValue<string>(), annotation["start_line"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_token_without_checks_write_says_which_permission_is_missing()
    {
        GitHub.FailCheckRuns(403, """{ "message": "Resource not accessible by integration" }""");

        var error = await Assert.ThrowsAsync<CommentNotPermittedException>(() => Checks.PublishAsync(Report(CheckRunConclusion.Success, []), CancellationToken.None));

        Assert.Equal(
            $"Lockstep check run 'Lockstep gate' not created on octo-org/model-repo@ec26c3e: GitHub answered 403 (Resource not accessible by integration); the token may not create check runs: give the job `permissions: checks: write`; the annotations are in the log instead.",
            error.Message);
        Assert.Empty(GitHub.CheckRuns);
    }

    [Fact]
    public async Task A_create_answered_with_a_server_error_is_looked_for_then_created_once()
    {
        GitHub.FailCheckRuns(502, """{ "message": "Server Error" }""");

        await Checks.PublishAsync(Report(CheckRunConclusion.Success, []), CancellationToken.None);

        Assert.Single(GitHub.CheckRuns);
        Assert.Equal([TimeSpan.FromSeconds(2)], fixture.Waits);
        GitHub.AssertRequests([
            "POST /api/v3/repos/octo-org/model-repo/check-runs",
            $"GET /api/v3/repos/octo-org/model-repo/commits/{HeadSha}/check-runs?check_name=Lockstep%20gate&filter=all&per_page=100",
            "POST /api/v3/repos/octo-org/model-repo/check-runs",
        ]);
    }

    [Fact]
    public async Task A_create_that_github_stored_before_answering_502_is_taken_not_created_again()
    {
        GitHub.FailCheckRuns(502, """{ "message": "Server Error" }""", afterStoring: true);

        var url = await Checks.PublishAsync(Report(CheckRunConclusion.Failure, []) with { ExternalId = "gate" }, CancellationToken.None);

        var run = Assert.Single(GitHub.CheckRuns);
        Assert.Equal(FakeGitHub.CheckRunUrl(4_000_000), url);
        Assert.Equal("failure", run.Conclusion);
        Assert.Equal(1, GitHub.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_earlier_runs_check_run_with_the_same_name_is_not_taken_for_this_one()
    {
        GitHub.SeedCheckRun("Lockstep gate", HeadSha, "gate", HostFixture.Now.AddHours(-1));
        GitHub.FailCheckRuns(502, """{ "message": "Server Error" }""");

        var url = await Checks.PublishAsync(Report(CheckRunConclusion.Success, []) with { ExternalId = "gate" }, CancellationToken.None);

        Assert.Equal(2, GitHub.CheckRuns.Count);
        Assert.Equal(FakeGitHub.CheckRunUrl(4_000_001), url);
        Assert.Equal("fail: 2 of 5 gates did not pass", GitHub.CheckRuns[1].Title);
    }

    [Fact]
    public async Task A_summary_over_the_limit_is_cut_with_a_note()
    {
        var summary = string.Concat(Enumerable.Repeat("| gate | 0.91 | 0.90 |\n", 4000));

        await Checks.PublishAsync(Report(CheckRunConclusion.Success, []) with { Summary = summary }, CancellationToken.None);

        var sent = Assert.Single(GitHub.CheckRuns).Summary;
        Assert.True(sent.Length <= GitHubCheckRuns.MaxSummaryLength, $"{sent.Length} characters");
        Assert.EndsWith("the job summary has all of it._\n", sent, StringComparison.Ordinal);
    }

    private static CheckRunReport Report(CheckRunConclusion conclusion, IReadOnlyList<Annotation> annotations) =>
        new(FakeGitHub.Owner, FakeGitHub.Repo, HeadSha, "Lockstep gate", conclusion, "fail: 2 of 5 gates did not pass", "### ❌ Lockstep gate: **fail**\n", annotations);

    public void Dispose() => fixture.Dispose();
}
