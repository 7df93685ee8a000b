using Lockstep.Core;

namespace Lockstep.GitHub.Tests;

public class PullRequestCommitsTests
{
    // The shape of GitHub's GET /repos/{owner}/{repo}/pulls/{number}/commits response, trimmed to the fields read.
    private const string GitHubResponse = """
        [
          { "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e",
            "commit": { "author": { "name": "Monalisa", "date": "2026-11-20T09:00:00Z" }, "committer": { "name": "GitHub", "date": "2026-11-20T10:00:00Z" } } },
          { "sha": "7e1f2a3", "commit": { "author": { "date": "2026-11-21T08:30:00+02:00" }, "committer": null } }
        ]
        """;

    [Fact]
    public void Reads_github_s_pull_request_commits_response()
    {
        var commits = PullRequestCommits.Parse(GitHubResponse, "commits.json");

        Assert.Equal(["6dcb09b5b57875f334f61aebed695e2e4193db5e", "7e1f2a3"], commits.Select(c => c.Sha));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), commits[0].CommittedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 6, 30, 0, TimeSpan.Zero), commits[1].AuthoredAt);
        Assert.Null(commits[1].CommittedAt);
    }

    [Fact]
    public void Reads_the_events_contract_s_commit_shape()
    {
        var commits = PullRequestCommits.Parse("""[{ "sha": "a1", "authored_at": "2026-11-19T08:00:00Z", "committed_at": "2026-11-19T09:00:00Z" }]""", "c.json");

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero), Assert.Single(commits).CommittedAt);
    }

    [Theory]
    [InlineData("{}", "c.json: $: expected an array of commits")]
    [InlineData("[{ \"commit\": {} }]", "c.json: $[0].sha: expected a commit with a sha")]
    [InlineData("[{ \"sha\": \"a\", \"committed_at\": \"soon\" }]", "c.json: $[0].committed_at: expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'soon'")]
    [InlineData("[", "c.json:1: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")]
    public void Bad_input_names_the_file_and_field(string json, string expected) =>
        Assert.Equal(expected, Assert.Throws<InputException>(() => PullRequestCommits.Parse(json, "c.json")).Message);
}
