using Lockstep.AzureDevOps.Tests;
using Lockstep.GitHub.Tests;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>
/// Three scheduled monitor runs — drifted, still drifted, recovered — against the stand-in GitHub and Azure DevOps:
/// one incident and one remediation in all, closed at the end; faults are warnings.
/// </summary>
public sealed class MonitorAlertsRunTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 21, 0, 0, TimeSpan.Zero);

    private readonly CliHarness cli = new() { Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now) };

    public MonitorAlertsRunTests()
    {
        cli.WriteDemoInputs();
        cli.Write("reference.csv", ServingWindows.Csv(seed: 1, rows: 3000, shift: 0, informative: true, newest: Now.AddHours(-30)));
        cli.Write("drifted.csv", ServingWindows.Csv(seed: 3, rows: 1500, shift: 1.2, informative: true, newest: Now.AddHours(-2)));
        cli.Write("drifted-again.csv", ServingWindows.Csv(seed: 5, rows: 1500, shift: 1.0, informative: true, newest: Now.AddHours(-1)));
        cli.Write("recovered.csv", ServingWindows.Csv(seed: 2, rows: 1500, shift: 0, informative: true, newest: Now.AddHours(-1)));
    }

    [Fact]
    public void On_GitHub_three_runs_leave_one_dispatch_and_one_incident_issue_closed_at_the_end()
    {
        using var github = new FakeGitHubIssues();
        ActAsGitHub(github);

        var runs = new[] { "drifted.csv", "drifted-again.csv", "recovered.csv" }.Select(window => (Run: Monitor(window, "github"), Requests: github.Requests.Count)).ToList();

        Assert.Equal([1, 1, 0], runs.Select(r => r.Run.ExitCode));
        Assert.Contains("alert drift: raised https://github.example.com/octo-org/model-repo/issues/100 (started", runs[0].Run.Out, StringComparison.Ordinal);
        Assert.Contains("alert drift: updated", runs[1].Run.Out, StringComparison.Ordinal);
        Assert.Contains("alert drift: resolved", runs[2].Run.Out, StringComparison.Ordinal);
        var issue = Assert.Single(github.Issues);
        Assert.Equal(("closed", "completed"), (issue["state"]!.GetValue<string>(), issue["state_reason"]!.GetValue<string>()));
        Assert.Contains("model-incident", issue["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        var dispatch = Assert.Single(github.Dispatches);
        Assert.Equal("lockstep-monitor", dispatch["event_type"]!.GetValue<string>());
        Assert.Equal("tenure", dispatch["client_payload"]!["drifted"]![0]!["feature"]!.GetValue<string>());
        Assert.Equal("https://github.example.com/octo-org/model-repo/actions/runs/4242", dispatch["client_payload"]!["run_url"]!.GetValue<string>());

        // Raise: list, create, dispatch, mark started. Still drifting: list, comment. Recovered: list, comment, close.
        Assert.Equal([4, 6, 9], runs.Select(r => r.Requests));
    }

    [Fact]
    public void On_Azure_DevOps_three_runs_leave_one_queued_run_and_one_work_item_resolved_at_the_end()
    {
        using var azure = new FakeAzureAlerts();
        ActAsAzurePipelines(azure);

        var runs = new[] { "drifted.csv", "drifted-again.csv", "recovered.csv" }.Select(window => (Run: Monitor(window, "azure-devops"), Requests: azure.Requests.Count)).ToList();

        Assert.Equal([1, 1, 0], runs.Select(r => r.Run.ExitCode));
        Assert.Contains("alert drift: raised", runs[0].Run.Out, StringComparison.Ordinal);
        Assert.Contains("alert drift: resolved", runs[2].Run.Out, StringComparison.Ordinal);
        var workItem = Assert.Single(azure.WorkItems);
        Assert.Equal("Closed", workItem["fields"]!["System.State"]!.GetValue<string>());
        var run = Assert.Single(azure.Runs);
        Assert.Equal("drift", run["templateParameters"]!["cause"]!.GetValue<string>());
        Assert.StartsWith("tenure=", run["templateParameters"]!["features"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(azure.ApiVersions, version => Assert.Equal("7.1", version));

        // Raise: query, create, two pipeline pages, queue, mark started. Then query, read, comment; query, read, resolve.
        Assert.Equal([6, 9, 12], runs.Select(r => r.Requests));
    }

    [Fact]
    public void An_alert_github_refuses_is_a_warning_that_fails_the_step_only_under_fail_on_warn()
    {
        using var github = new FakeGitHubIssues();
        ActAsGitHub(github);
        github.Fail("create", 403, """{"message":"Resource not accessible by integration"}""");
        github.Fail("create", 403, """{"message":"Resource not accessible by integration"}""");

        var failOnFail = Monitor("drifted.csv", "github");
        var failOnWarnButPassing = cli.Run("monitor", "--reference", "reference.csv", "--current", "recovered.csv", "--columns", "tenure,plan", "--alert", "github", "--fail-on", "warn");

        Assert.Equal(1, failOnFail.ExitCode);
        Assert.Contains("warning: the drift alert could not be sent to github: ", failOnFail.Error, StringComparison.Ordinal);
        Assert.Contains("issues: write", failOnFail.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("test-token", failOnFail.Error + failOnFail.Out, StringComparison.Ordinal);
        Assert.Empty(github.Issues);
        Assert.Empty(github.Dispatches);

        // Recovered with nothing open: one list, nothing written, and a passing run.
        Assert.True(failOnWarnButPassing.ExitCode == 0, failOnWarnButPassing.ToString());
        Assert.Contains("alert drift: quiet", failOnWarnButPassing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_need_the_runners_variables_before_anything_is_sent()
    {
        var run = cli.Run("monitor", "--reference", "reference.csv", "--current", "drifted.csv", "--alert", "github", "--out", "result.json", "--history", "history");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: GITHUB_TOKEN", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(cli.Exists("result.json"));
        Assert.False(Directory.Exists(Path.Combine(cli.Directory, "history")));
    }

    public void Dispose() => cli.Dispose();

    private CliRun Monitor(string current, string alert) =>
        cli.Run("monitor", "--reference", "reference.csv", "--current", current, "--columns", "tenure,plan", "--alert", alert, "--report-id", "churn");

    private void ActAsGitHub(FakeGitHubIssues github)
    {
        cli.Environment["GITHUB_TOKEN"] = "test-token";
        cli.Environment["GITHUB_REPOSITORY"] = $"{FakeGitHubIssues.Owner}/{FakeGitHubIssues.Repo}";
        cli.Environment["GITHUB_API_URL"] = github.ApiBase.ToString();
        cli.Environment["GITHUB_SERVER_URL"] = "https://github.example.com";
        cli.Environment["GITHUB_RUN_ID"] = "4242";
    }

    private void ActAsAzurePipelines(FakeAzureAlerts azure)
    {
        cli.Write("lockstep.yml", cli.Read("lockstep.yml") + "monitor:\n  azure_devops:\n    pipeline: retrain\n");
        cli.Environment["SYSTEM_COLLECTIONURI"] = azure.CollectionUri.ToString();
        cli.Environment["SYSTEM_TEAMPROJECT"] = FakeAzureAlerts.Project;
        cli.Environment["SYSTEM_ACCESSTOKEN"] = "test-token";
        cli.Environment["BUILD_BUILDID"] = "77";
    }
}
