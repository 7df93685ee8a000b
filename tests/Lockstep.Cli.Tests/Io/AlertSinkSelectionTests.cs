using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Platform;
using Lockstep.Core.Policy;
using Lockstep.GitHub.Tests;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests.Io;

public class AlertSinkSelectionTests
{
    private const string Policy = """
        version: 1
        gates:
          - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback }
        dora:
          lanes:
            model:
              incident_labels: [ml-incident]
        monitor:
          report_id: churn
          github: { event_type: retrain-churn, labels: [drift] }
          azure_devops: { pipeline: retrain, branch: refs/heads/main }
        """;

    private static readonly GatePolicy Parsed = PolicyReader.Parse(Policy, "lockstep.yml");

    [Fact]
    public async Task The_GitHub_sink_opens_the_issue_with_the_model_lanes_incident_label_and_dispatches_the_policys_event()
    {
        using var github = new FakeGitHubIssues();
        var context = Context(("GITHUB_TOKEN", "ghs_selection"), ("GITHUB_REPOSITORY", $"{FakeGitHubIssues.Owner}/{FakeGitHubIssues.Repo}"), ("GITHUB_API_URL", github.ApiBase.AbsoluteUri));

        var sink = AlertSinkSelection.Create("github", Parsed, context);
        var result = await sink.SyncAsync(MonitorAlertExamples.Drift(firing: true, psi: 0.4, runUrl: "https://ci/1"), CancellationToken.None);

        Assert.Equal("github", sink.Name);
        Assert.Equal(new AlertResult(AlertChange.Raised, FakeGitHubIssues.HtmlUrl(100), "retrain-churn"), result);
        Assert.Equal(["ml-incident", "drift"], Assert.Single(github.Issues)["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.Equal("retrain-churn", Assert.Single(github.Dispatches)["event_type"]!.GetValue<string>());
    }

    [Fact]
    public void The_Azure_DevOps_sink_is_set_up_from_the_pipeline_variables()
    {
        var sink = AlertSinkSelection.Create("azure-devops", Parsed, Context(
            ("SYSTEM_COLLECTIONURI", "https://dev.azure.com/fabrikam/"), ("SYSTEM_TEAMPROJECT", "Fiber"), ("SYSTEM_ACCESSTOKEN", "secret")));

        Assert.Equal("azure-devops", sink.Name);
        (sink as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData("github", "GITHUB_TOKEN: missing: pass the workflow's token: `env: GITHUB_TOKEN: ${{ github.token }}`", "GITHUB_REPOSITORY=o/r")]
    [InlineData("github", "GITHUB_REPOSITORY: missing: run in GitHub Actions, or set it to owner/name", "GITHUB_TOKEN=t")]
    [InlineData("github", "GITHUB_REPOSITORY: expected owner/name, got 'o'", "GITHUB_TOKEN=t", "GITHUB_REPOSITORY=o")]
    [InlineData("azure-devops", "SYSTEM_COLLECTIONURI: missing: run in Azure Pipelines, or set SYSTEM_COLLECTIONURI and SYSTEM_TEAMPROJECT", "SYSTEM_ACCESSTOKEN=t")]
    [InlineData("azure-devops", "SYSTEM_ACCESSTOKEN: missing: map it in the step (`env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)`) or set AZURE_DEVOPS_TOKEN", "SYSTEM_COLLECTIONURI=https://dev.azure.com/f/", "SYSTEM_TEAMPROJECT=p")]
    [InlineData("slack", "--alert: expected one of github, azure-devops, got 'slack'")]
    public void What_is_missing_is_one_line_of_bad_input(string kind, string expected, params string[] variables)
    {
        var context = Context(variables.Select(v => v.Split('=', 2)).Select(p => (p[0], p[1])).ToArray());

        var error = Assert.Throws<InputException>(() => AlertSinkSelection.Create(kind, Parsed, context));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Azure_DevOps_needs_the_retraining_pipeline_in_the_policy()
    {
        var policy = PolicyReader.Parse("version: 1\ngates:\n  - { id: psi, metric: drift.psi.max, max: 0.25 }\n", "lockstep.yml");
        var context = Context(("SYSTEM_COLLECTIONURI", "https://dev.azure.com/f/"), ("SYSTEM_TEAMPROJECT", "p"), ("SYSTEM_ACCESSTOKEN", "t"));

        var error = Assert.Throws<InputException>(() => AlertSinkSelection.Create("azure-devops", policy, context));

        Assert.Equal("lockstep.yml: monitor.azure_devops.pipeline: missing: name the retraining pipeline (or its id) that --alert azure-devops queues", error.Message);
    }

    [Fact]
    public void The_run_link_is_the_GitHub_Actions_run_or_the_Azure_Pipelines_build()
    {
        Assert.Equal(
            "https://github.com/o/r/actions/runs/42",
            AlertSinkSelection.RunUrl(Context(("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "o/r"), ("GITHUB_RUN_ID", "42"))));
        Assert.Equal(
            "https://dev.azure.com/f/Fabrikam%20Fiber/_build/results?buildId=7",
            AlertSinkSelection.RunUrl(Context(("SYSTEM_COLLECTIONURI", "https://dev.azure.com/f/"), ("SYSTEM_TEAMPROJECT", "Fabrikam Fiber"), ("BUILD_BUILDID", "7"))));
        Assert.Null(AlertSinkSelection.RunUrl(Context()));
    }

    private static CliContext Context(params (string Name, string Value)[] variables) =>
        new(TextWriter.Null, TextWriter.Null, variables.ToDictionary(v => v.Name, v => v.Value), Path.GetTempPath(), OutputIsTerminal: false);
}
