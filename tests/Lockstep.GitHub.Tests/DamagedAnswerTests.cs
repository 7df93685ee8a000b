using System.Text;
using Lockstep.Tests.Shared;

namespace Lockstep.GitHub.Tests;

/// <summary>
/// The GitHub payloads Lockstep parses itself (the pull_request event, a pull request's commits) give a value or one
/// input error line naming the file for any damaged copy, never another exception.
/// </summary>
public sealed class DamagedAnswerTests
{
    private const string Commits = """
        [
          { "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e",
            "commit": { "author": { "name": "Monalisa", "date": "2026-11-20T09:00:00Z" }, "committer": { "name": "GitHub", "date": "2026-11-20T10:00:00Z" } } },
          { "sha": "7e1f2a3", "authored_at": "2026-11-21T08:30:00+02:00", "committed_at": "2026-11-21T08:31:00+02:00" }
        ]
        """;

    [Fact]
    public void Pull_request_events_give_an_event_or_an_input_error()
    {
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "pull_request.json"));

        ByteMutations.ReadOrInputError(original, "event.json", bytes => PullRequestEvent.Parse(Encoding.UTF8.GetString(bytes), "event.json"), 400);
    }

    [Fact]
    public void Pull_request_commits_give_commits_or_an_input_error()
    {
        ByteMutations.ReadOrInputError(Encoding.UTF8.GetBytes(Commits), "commits.json", bytes => PullRequestCommits.Parse(Encoding.UTF8.GetString(bytes), "commits.json"), 400);
    }
}
