using System.Text;
using Lockstep.Core.Dora;
using Lockstep.GitHub.Tests.Deliveries;

namespace Lockstep.Cli.Tests.Commands;

/// <summary><c>lockstep events github</c> in-process against a stand-in GitHub, then <c>lockstep dora</c> on what it wrote.</summary>
public sealed class EventsGitHubCommandTests : IDisposable
{
    private const string Token = "ghs_EventsCommandToken0123456789abcdef";
    /// <summary>A policy whose code lane deploys to production and whose model lane to model-production.</summary>
    internal const string Policy = "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    code:\n      environments: [production]\n    model:\n      environments: [model-production]\n";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly CliHarness cli = new();
    private readonly FakeRepository repository = new();
    private readonly FakeDeliveryHistory github;

    public EventsGitHubCommandTests()
    {
        github = new FakeDeliveryHistory(repository);
        SeedTwoLanes(repository, Now);
        cli.Write("lockstep.yml", Policy);
        cli.Environment["GITHUB_TOKEN"] = Token;
        cli.Environment["GITHUB_REPOSITORY"] = $"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}";
        cli.Environment["GITHUB_API_URL"] = github.ApiBase.ToString();
    }

    /// <summary>Two code deployments (one of a squash-merged pull request), a model deployment and an incident in the last 9 days.</summary>
    internal static void SeedTwoLanes(FakeRepository repository, DateTimeOffset now)
    {
        var c1 = repository.Commit(now.AddDays(-9));
        repository.Deploy(c1.Sha, "production", now.AddDays(-9).AddHours(1), ("success", 5));
        var c2 = repository.SquashMerge(21, now.AddDays(-6), now.AddDays(-8), now.AddDays(-7));
        repository.Deploy(c2.Sha, "production", now.AddDays(-6).AddHours(1), ("success", 5));
        repository.Deploy(c2.Sha, "model-production", now.AddDays(-5), ("success", 30));
        repository.Issue(5, now.AddDays(-6).AddHours(2), now.AddDays(-6).AddHours(4), "incident");
    }

    [Fact]
    public void Writes_the_events_file_and_the_cache_then_a_rerun_costs_a_handful_of_requests()
    {
        var first = cli.Run("events", "github", "--since", "30d", "--policy", "lockstep.yml", "--out", "events.jsonl", "--cache", "cache/github.json");
        var events = cli.Read("events.jsonl");
        var second = cli.Run("events", "github", "--since", "30d", "--policy", "lockstep.yml", "--out", "events.jsonl", "--cache", "cache/github.json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("wrote events.jsonl: 3 deployments, 1 incidents since ", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"^GitHub: \d+ requests, 0 answered 304 Not Modified from the cache; rate limit: [\d,]+ left; \d+\.\d s\n$", first.Error);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(events, cli.Read("events.jsonl"));
        Assert.True(second.Error.StartsWith("GitHub: 6 requests, 5 answered 304 Not Modified from the cache; ", StringComparison.Ordinal), second.ToString());
        Assert.True(cli.Exists("cache/github.json"));
        Assert.DoesNotContain(Token, first.Out + first.Error + second.Out + second.Error + cli.Read("cache/github.json"), StringComparison.Ordinal);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(events));
        var log = EventsReader.Read(stream, "events.jsonl");
        Assert.Equal([(Lane.Code, 1), (Lane.Code, 2), (Lane.Model, 2)], log.Events.OfType<Deployment>().Select(d => (d.Lane, d.Pr?.Commits.Count ?? d.Commits.Count)));
        var dora = cli.Run("dora", "--events", "events.jsonl", "--policy", "lockstep.yml");
        Assert.True(dora.ExitCode == 0, dora.ToString());
        Assert.Contains("change failure rate", dora.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_shows_examples()
    {
        var run = cli.Run("events", "github", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:\n    lockstep events github --repo octo-org/model-repo --since 90d --out events.jsonl\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("--cache <file>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_token_it_is_one_line_and_exit_2()
    {
        cli.Environment.Remove("GITHUB_TOKEN");

        var run = cli.Run("events", "github", "--out", "events.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: environment: GITHUB_TOKEN: missing: set it to a token that can read the repository's deployments, issues and pull requests\n", run.Error);
        Assert.Empty(github.Requests);
    }

    [Theory]
    [InlineData("--since", "ninety", "error: --since: expected a number of days such as 90d or an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'ninety'")]
    [InlineData("--repo", "just-a-name", "error: --repo: expected owner/name, got 'just-a-name'")]
    [InlineData("--api-url", "ftp://example.com", "error: --api-url: expected an http(s) address such as https://github.example.com/api/v3, got 'ftp://example.com'")]
    public void A_bad_option_is_one_line_and_exit_2(string option, string value, string error)
    {
        var run = cli.Run("events", "github", "--out", "events.jsonl", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error + "\n", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("events.jsonl"));
    }

    [Fact]
    public void When_GitHub_refuses_nothing_is_written_but_the_cache_keeps_what_was_read()
    {
        github.Fail("/issues", 403, """{"message":"Resource not accessible by integration"}""");

        var run = cli.Run("events", "github", "--policy", "lockstep.yml", "--out", "events.jsonl", "--cache", "cache.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: issues of octo-org/model-repo labelled incident not read: GitHub answered 403 (Resource not accessible by integration); the token may not read this: give the workflow permissions: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("kept what was read in cache.json: run again to go on from there\n", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("GitHub: ", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("events.jsonl"));
        Assert.Contains("\"deployments\":{", cli.Read("cache.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_without_a_field_is_one_error_line_exit_2_and_the_cache_is_still_written()
    {
        github.Omit("/compare/", "parents");

        var run = cli.Run("events", "github", "--policy", "lockstep.yml", "--out", "events.jsonl", "--cache", "cache.json");

        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: GitHub's answer to GET /repos/octo-org/model-repo/compare/", error, StringComparison.Ordinal);
        Assert.Contains(" lacks the field commits[0].parents; ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Contains("kept what was read in cache.json: run again to go on from there\n", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("events.jsonl"));
        Assert.Contains("\"deployments\":{", cli.Read("cache.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_the_requests_are_counted_on_a_redrawn_line_then_summed_up()
    {
        using var error = new StringWriter();
        var context = new CliContext(TextWriter.Null, error, new Dictionary<string, string>(), cli.Directory, false) { ErrorIsTerminal = true };
        var display = new Lockstep.Cli.Io.RequestProgressDisplay(context);

        display.Report(new Lockstep.GitHub.Deliveries.RequestCount(12, 3, "deployment statuses", 4988));
        display.Done();

        Assert.Matches(
            @"^\rGitHub: 12 requests \(deployment statuses\)\u001b\[K\r\u001b\[JGitHub: 12 requests, 3 answered 304 Not Modified from the cache; rate limit: 4,988 left; \d+\.\d s\r?\n$",
            error.ToString());
    }

    public void Dispose()
    {
        github.Dispose();
        cli.Dispose();
    }
}
