using Lockstep.Cli.Tests.Commands;
using Lockstep.GitHub.Tests;
using Lockstep.GitHub.Tests.Deliveries;

namespace Lockstep.Cli.Tests;

/// <summary>
/// The Native AOT tool on the GitHub paths that read or write Octokit's models (its serializer reflects over them
/// at run time, which ahead-of-time compilation must have kept): the same runs against the same stand-in GitHub
/// send the same requests and write the same results as the command in-process. The pull request comment and
/// check run are covered by <see cref="ActionContainerTests"/>.
/// </summary>
[Collection(InstalledToolTests.Name)]
public sealed class NativeToolGitHubTests(InstalledToolTests.Tools tools)
{
    [Fact]
    public void Events_from_deployments_commits_pull_requests_and_incident_issues_are_the_same()
    {
        var repository = new FakeRepository();
        EventsGitHubCommandTests.SeedTwoLanes(repository, DateTimeOffset.UtcNow);

        (string Events, IReadOnlyList<string> Requests) Run(CliHarness cli)
        {
            using var github = new FakeDeliveryHistory(repository);
            using (cli)
            {
                cli.Write("lockstep.yml", EventsGitHubCommandTests.Policy);
                cli.Environment["GITHUB_TOKEN"] = "ghs_NativeEventsToken0123456789abcdef";
                cli.Environment["GITHUB_REPOSITORY"] = $"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}";
                cli.Environment["GITHUB_API_URL"] = github.ApiBase.ToString();
                var run = cli.Run("events", "github", "--since", "30d", "--policy", "lockstep.yml", "--out", "events.jsonl");
                Assert.True(run.ExitCode == 0, run.ToString());
                return (cli.Read("events.jsonl"), github.Requests);
            }
        }

        var inProcess = Run(new CliHarness());
        var native = Run(new CliHarness { Executable = tools.NativeExecutable });

        Assert.Contains("\"lane\":\"model\"", inProcess.Events, StringComparison.Ordinal);
        Assert.Equal(inProcess.Events, native.Events);
        Assert.Equal(WithoutSince(inProcess.Requests), WithoutSince(native.Requests));
    }

    [Fact]
    public void A_monitor_alert_raised_updated_and_resolved_on_GitHub_is_the_same()
    {
        (IReadOnlyList<(int, string)> Runs, IReadOnlyList<string> Requests, string Issue, string Dispatch) Run(CliHarness cli)
        {
            using var github = new FakeGitHubIssues();
            using (cli)
            {
                cli.WriteDemoInputs();
                cli.Write("reference.csv", ServingWindows.Csv(seed: 1, rows: 3000, shift: 0, informative: true, newest: DateTimeOffset.UtcNow.AddHours(-30)));
                cli.Write("drifted.csv", ServingWindows.Csv(seed: 3, rows: 1500, shift: 1.2, informative: true, newest: DateTimeOffset.UtcNow.AddHours(-2)));
                cli.Write("recovered.csv", ServingWindows.Csv(seed: 2, rows: 1500, shift: 0, informative: true, newest: DateTimeOffset.UtcNow.AddHours(-1)));
                cli.Environment["GITHUB_TOKEN"] = "test-token";
                cli.Environment["GITHUB_REPOSITORY"] = $"{FakeGitHubIssues.Owner}/{FakeGitHubIssues.Repo}";
                cli.Environment["GITHUB_API_URL"] = github.ApiBase.ToString();
                cli.Environment["GITHUB_SERVER_URL"] = "https://github.example.com";
                cli.Environment["GITHUB_RUN_ID"] = "4242";
                var runs = new[] { "drifted.csv", "drifted.csv", "recovered.csv" }
                    .Select(window => cli.Run("monitor", "--reference", "reference.csv", "--current", window, "--columns", "tenure,plan", "--alert", "github", "--report-id", "churn"))
                    .Select(run => (run.ExitCode, string.Join('\n', run.Out.Split('\n').Where(line => line.StartsWith("alert ", StringComparison.Ordinal)))))
                    .ToList();
                var issue = Assert.Single(github.Issues);
                return (runs, github.Requests, $"{issue["state"]} {issue["state_reason"]} {issue["labels"]!.ToJsonString()}", Assert.Single(github.Dispatches).ToJsonString());
            }
        }

        var inProcess = Run(new CliHarness());
        var native = Run(new CliHarness { Executable = tools.NativeExecutable });

        Assert.Equal([1, 1, 0], inProcess.Runs.Select(run => run.Item1));
        Assert.Equal(inProcess.Runs, native.Runs);
        Assert.Equal(inProcess.Requests, native.Requests);
        Assert.Equal(inProcess.Issue, native.Issue);
        Assert.Equal(inProcess.Dispatch, native.Dispatch);
    }

    // The incident listing asks for issues updated since a time the run derives from its own clock.
    private static IEnumerable<string> WithoutSince(IEnumerable<string> requests) =>
        requests.Select(request => System.Text.RegularExpressions.Regex.Replace(request, "since=[^&]*", "since=<time>")).Order(StringComparer.Ordinal);
}
