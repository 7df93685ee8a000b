using Lockstep.Core;
using Lockstep.Tests.Shared;

namespace Lockstep.GitHub.Tests;

public class PullRequestEventTests
{
    /// <summary>
    /// Trimmed from octokit/webhooks payload-examples/api.github.com/pull_request/opened.payload.json (MIT), the shape of
    /// the file at GITHUB_EVENT_PATH: the fields Lockstep reads and some it must ignore.
    /// </summary>
    private const string Opened = """
        {
          "action": "opened",
          "number": 2,
          "pull_request": {
            "url": "https://api.github.com/repos/Codertocat/Hello-World/pulls/2",
            "id": 279147437,
            "number": 2,
            "state": "open",
            "title": "Update the README with new information.",
            "created_at": "2019-05-15T15:20:33Z",
            "updated_at": "2019-05-15T15:20:33Z",
            "commits": 1
          },
          "repository": { "full_name": "Codertocat/Hello-World" }
        }
        """;

    [Fact]
    public void Reads_the_number_and_when_the_PR_was_opened()
    {
        var pr = PullRequestEvent.Parse(Opened, "event.json");

        Assert.Equal(new PullRequestEvent(2, new DateTimeOffset(2019, 5, 15, 15, 20, 33, TimeSpan.Zero)), pr);
    }

    [Theory]
    [InlineData("opened", 1)]
    [InlineData("synchronize", 0)]
    [InlineData("reopened", 0)]
    public void Reads_head_and_base_from_the_real_payloads(string action, int occurrence)
    {
        var pr = PullRequestEvent.Parse(WebhookExamples.Text("pull_request", action, occurrence), "event.json");

        Assert.Equal("changes", pr.Head?.Ref);
        Assert.Matches("^[0-9a-f]{40}$", pr.Head?.Sha);
        Assert.Equal("master", pr.Base?.Ref);
        Assert.Equal("Codertocat/Hello-World", pr.Base?.Repository);
        Assert.False(pr.IsFromFork);
    }

    [Fact]
    public void Reads_the_exact_head_commit_of_the_opened_payload()
    {
        var pr = PullRequestEvent.Parse(WebhookExamples.Text("pull_request", "opened", 1), "e.json");

        Assert.Equal(new PullRequestSide("changes", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", "Codertocat/Hello-World"), pr.Head);
        Assert.Equal("f95f852bd8fca8fcc58a9a2d6c842781e32a215e", pr.Base?.Sha);
    }

    [Fact]
    public void A_head_in_another_repository_is_a_fork()
    {
        var pr = PullRequestEvent.Parse(
            """
            { "pull_request": { "number": 9, "created_at": "2026-11-20T10:05:00Z",
              "head": { "ref": "patch-1", "sha": "1111111111111111111111111111111111111111", "repo": { "full_name": "someone/model-repo" } },
              "base": { "ref": "main", "sha": "2222222222222222222222222222222222222222", "repo": { "full_name": "octo-org/model-repo" } } } }
            """,
            "e.json");

        Assert.True(pr.IsFromFork);
    }

    [Theory]
    [InlineData("""{ "ref": "x", "sha": "abc" }""")]
    [InlineData("""{ "ref": "x" }""")]
    [InlineData("""{ "sha": "ec26c3e57ca3a959ca5aad62de7213c562f8c821" }""")]
    [InlineData("\"main\"")]
    public void A_side_without_a_branch_and_a_full_SHA_is_absent_not_guessed(string head) =>
        Assert.Null(PullRequestEvent.Parse($$"""{ "pull_request": { "number": 2, "created_at": "2019-05-15T15:20:33Z", "head": {{head}} } }""", "e.json").Head);

    [Fact]
    public void An_offset_time_is_read_as_UTC() =>
        Assert.Equal(
            new DateTimeOffset(2026, 11, 20, 9, 5, 0, TimeSpan.Zero),
            PullRequestEvent.Parse("""{ "pull_request": { "number": 1, "created_at": "2026-11-20T10:05:00+01:00" } }""", "e.json").CreatedAt);

    [Theory]
    [InlineData("""{ "ref": "refs/heads/main", "commits": [] }""", "e.json: $.pull_request: missing: expected a pull_request event payload (opened, synchronize, reopened …)")]
    [InlineData("""{ "pull_request": { "created_at": "2019-05-15T15:20:33Z" } }""", "e.json: $.pull_request.number: expected an integer")]
    [InlineData("""{ "pull_request": { "number": "2", "created_at": "2019-05-15T15:20:33Z" } }""", "e.json: $.pull_request.number: expected an integer")]
    [InlineData("""{ "pull_request": { "number": 2, "created_at": "yesterday" } }""", "e.json: $.pull_request.created_at: expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'yesterday'")]
    [InlineData("""{ "pull_request": { "number": 2, "created_at": "01/12/2026" } }""", "e.json: $.pull_request.created_at: expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got '01/12/2026'")]
    [InlineData("""[1, 2]""", "e.json: $: expected a GitHub event payload object")]
    public void A_payload_without_a_usable_pull_request_names_the_field(string json, string message) =>
        Assert.Equal(message, Assert.Throws<InputException>(() => PullRequestEvent.Parse(json, "e.json")).Message);

    [Fact]
    public void Invalid_JSON_names_the_line()
    {
        var error = Assert.Throws<InputException>(() => PullRequestEvent.Parse("{\n  \"pull_request\": {,\n}", "e.json"));

        Assert.StartsWith("e.json:2: invalid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }
}
