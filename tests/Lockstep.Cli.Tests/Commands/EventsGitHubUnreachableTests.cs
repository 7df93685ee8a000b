using System.Net;
using System.Net.Sockets;
using Lockstep.Tests.Shared;
using Lockstep.GitHub.Tests.Deliveries;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>
/// <c>lockstep events github</c> when GitHub cannot be reached or refuses from the first request: one error line,
/// exit 2, no events, no cache file, and no request summary as if it had run.
/// </summary>
public sealed class EventsGitHubUnreachableTests : IDisposable
{
    private readonly CliHarness cli = new() { Clock = new FiringClock(DateTimeOffset.UtcNow) };

    public EventsGitHubUnreachableTests()
    {
        cli.Environment["GITHUB_TOKEN"] = "ghs_UnreachableToken0123456789abcdef";
        cli.Environment["GITHUB_REPOSITORY"] = $"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}";
    }

    [Fact]
    public void A_port_that_refuses_connections_is_one_error_line_and_nothing_written()
    {
        var api = $"http://127.0.0.1:{RefusingPort()}/api/v3";

        var run = cli.Run("events", "github", "--api-url", api, "--out", "events.jsonl", "--cache", "cache.json");

        Assert.Equal(2, run.ExitCode);
        // Each wait is told before it starts, then the one error line.
        Assert.Matches(
            @"^note: waiting 2 s to try again: GET /api/v3/repos/octo-org/model-repo/\S+ failed \(.+\)\n"
            + @"note: waiting 4 s to try again: GET \S+ failed \(.+\)\n"
            + @"note: waiting 8 s to try again: GET \S+ failed \(.+\)\n"
            + @"error: deployments( to \S+)? of octo-org/model-repo not read: network failure \(.+\); gave up after 4 attempts\.\n$",
            run.Error);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(cli.Exists("events.jsonl"));
        Assert.False(cli.Exists("cache.json"));
    }

    [Fact]
    public void A_token_GitHub_refuses_is_one_error_line_and_the_earlier_cache_and_events_are_left_as_they_were()
    {
        var repository = new FakeRepository();
        var commit = repository.Commit(DateTimeOffset.UtcNow.AddDays(-3));
        repository.Deploy(commit.Sha, "production", DateTimeOffset.UtcNow.AddDays(-2), ("success", 5));
        using var github = new FakeDeliveryHistory(repository);
        var earlier = cli.Run("events", "github", "--api-url", github.ApiBase.ToString(), "--out", "events.jsonl", "--cache", "cache.json");
        var (cache, events) = (cli.Read("cache.json"), cli.Read("events.jsonl"));
        github.Fail("/deployments", 401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""");

        var run = cli.Run("events", "github", "--api-url", github.ApiBase.ToString(), "--out", "events.jsonl", "--cache", "cache.json");

        Assert.True(earlier.ExitCode == 0, earlier.ToString());
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: deployments of octo-org/model-repo not read: GitHub answered 401 (Bad credentials); check the token.\n", run.Error);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal((cache, events), (cli.Read("cache.json"), cli.Read("events.jsonl")));
    }

    [Fact]
    public void A_policy_with_only_a_dora_section_is_enough_and_a_shared_incident_label_stops_before_any_request()
    {
        using var github = new FakeDeliveryHistory(new FakeRepository());
        cli.Write("dora.yml", "version: 1\ndora:\n  lanes:\n    model:\n      environments: [model-production]\n");
        cli.Write("shared.yml", "version: 1\ndora:\n  lanes:\n    model:\n      incident_labels: [incident]\n");

        var run = cli.Run("events", "github", "--api-url", github.ApiBase.ToString(), "--policy", "dora.yml", "--out", "events.jsonl", "--cache", "cache.json");
        var requests = github.Requests.Count;
        var shared = cli.Run("events", "github", "--api-url", github.ApiBase.ToString(), "--policy", "shared.yml", "--out", "shared.jsonl", "--cache", "shared-cache.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("wrote events.jsonl: 0 deployments, 0 incidents since ", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            (2, "error: shared.yml:5:25: dora.lanes.model.incident_labels: 'incident' is the code lane's default incident label too: an issue with it would be an incident of both lanes; give each lane its own labels\n"),
            (shared.ExitCode, shared.Error));
        Assert.Equal(requests, github.Requests.Count);
        Assert.False(cli.Exists("shared-cache.json"));
    }

    public void Dispose() => cli.Dispose();

    /// <summary>A loopback port nothing listens on: bound, then released, so connecting to it is refused.</summary>
    private static int RefusingPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
