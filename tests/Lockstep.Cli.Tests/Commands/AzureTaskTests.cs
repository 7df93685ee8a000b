using Lockstep.AzureDevOps.Tests;
using Lockstep.Cli.Commands;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>The task's entrypoint with the environment an Azure Pipelines agent gives a PR validation build, against a stand-in Azure DevOps.</summary>
public sealed class AzureTaskTests : IDisposable
{
    private const string Token = "eyJ0eXAiOiJKV1QifQ.eyJuYW1laWQiOiJidWlsZCJ9.ZW50cnlwb2ludC10b2tlbg";
    private const string Threads = "/fabrikam/Fabrikam-Fiber/_apis/git/repositories/3411ebc1-d5aa-464f-9615-0b527bc66719/pullRequests/22/threads";
    private const string Statuses = "/fabrikam/Fabrikam-Fiber/_apis/git/repositories/3411ebc1-d5aa-464f-9615-0b527bc66719/pullRequests/22/statuses";

    private readonly CliHarness cli = new();
    private readonly FakeAzureDevOps azure = new();

    public AzureTaskTests()
    {
        cli.WriteDemoInputs("fail");
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["INPUT_CANDIDATE"] = "candidate.json",
            ["INPUT_BASELINE"] = "baseline.json",
            ["TF_BUILD"] = "True",
            ["SYSTEM_ACCESSTOKEN"] = Token,
            ["SYSTEM_COLLECTIONURI"] = azure.CollectionUri.ToString(),
            ["SYSTEM_TEAMPROJECT"] = FakeAzureDevOps.Project,
            ["BUILD_REPOSITORY_ID"] = FakeAzureDevOps.RepositoryId,
            ["BUILD_BUILDID"] = "4711",
            ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "22",
            ["AGENT_TEMPDIRECTORY"] = Path.Combine(cli.Directory, "agent-temp"),
        })
        {
            cli.Environment[name] = value;
        }
    }

    [Fact]
    public void Gates_logs_issues_sets_variables_uploads_the_summary_and_keeps_one_active_thread_and_a_failed_status()
    {
        var first = cli.Run("azure-task");
        var second = cli.Run("azure-task");

        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Equal(1, second.ExitCode);
        Assert.StartsWith($"##vso[task.setsecret]{Token}\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("##vso[task.logissue type=error;sourcepath=lockstep.yml;linenumber=7;]Lockstep gate 'drift-rollback' failed (rollback): ", first.Out, StringComparison.Ordinal);
        Assert.Contains("##vso[task.setvariable variable=verdict;isOutput=true;]fail\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("##vso[task.setvariable variable=commentUrl;isOutput=true;]", first.Out, StringComparison.Ordinal);
        var summary = Path.Combine(cli.Directory, "agent-temp", "lockstep-summary.md");
        Assert.Contains($"##vso[task.uploadsummary]{summary}\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("Lockstep gate", File.ReadAllText(summary), StringComparison.Ordinal);
        Assert.EndsWith("##vso[task.complete result=Failed;]Lockstep gate: fail\n", first.Out, StringComparison.Ordinal);
        Assert.Single(first.Out.Split('\n'), line => line.StartsWith("##vso[task.complete", StringComparison.Ordinal));
        Assert.DoesNotContain(Token, first.Out.Replace($"##vso[task.setsecret]{Token}", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var thread = Assert.Single(azure.LockstepThreads);
        Assert.Equal("active", thread.Status);
        Assert.Contains("### ❌ Lockstep gate: **fail** — roll back", thread.Content, StringComparison.Ordinal);
        Assert.Equal(2, azure.Statuses.Count);
        var status = azure.Statuses[^1];
        Assert.Equal(("failed", "lockstep", "gate"), (status["state"]!.GetValue<string>(), status["context"]!["genre"]!.GetValue<string>(), status["context"]!["name"]!.GetValue<string>()));
        Assert.StartsWith("Lockstep gate: fail — rollback (drift-rollback", status["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"{azure.CollectionUri}Fabrikam-Fiber/_build/results?buildId=4711", status["targetUrl"]!.GetValue<string>());
        Assert.Equal([$"GET {Threads}", $"POST {Threads}", $"POST {Statuses}", $"GET {Threads}", $"PATCH {Threads}/{thread.Id}/comments/1", $"POST {Statuses}"], azure.Requests);
    }

    [Fact]
    public void Reasons_name_the_policy_from_the_sources_directory_and_the_dashboard_is_linked()
    {
        Directory.CreateDirectory(Path.Combine(cli.Directory, "models"));
        foreach (var file in new[] { "lockstep.yml", "baseline.json", "candidate.json" })
        {
            File.Move(Path.Combine(cli.Directory, file), Path.Combine(cli.Directory, "models", file));
        }

        cli.Environment["BUILD_SOURCESDIRECTORY"] = cli.Directory;
        cli.Environment["INPUT_POLICY"] = Path.Combine(cli.Directory, "models", "lockstep.yml");
        cli.Environment["INPUT_CANDIDATE"] = "models/candidate.json";
        cli.Environment["INPUT_BASELINE"] = "models/baseline.json";
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        cli.Environment["INPUT_EVENTS"] = "events.jsonl";
        cli.Environment["INPUT_DASHBOARDURL"] = "https://dev.azure.com/fabrikam/_wiki/lockstep";

        var run = cli.Run("azure-task");

        Assert.True(run.ExitCode == 1, run.ToString());
        var thread = Assert.Single(azure.LockstepThreads).Content;
        Assert.Contains("- `drift-rollback` (models/lockstep.yml line 7): ", thread, StringComparison.Ordinal);
        Assert.Contains("\nDashboard: <https://dev.azure.com/fabrikam/_wiki/lockstep>\n", thread, StringComparison.Ordinal);
        Assert.DoesNotContain($"{cli.Directory}/models/lockstep.yml line", thread, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_never_passes_the_step_and_the_status_but_keeps_the_verdict()
    {
        cli.Environment["INPUT_FAILON"] = "never";

        var run = cli.Run("azure-task");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("##vso[task.setvariable variable=verdict;isOutput=true;]fail\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("##vso[task.complete result=SucceededWithIssues;]Lockstep gate: fail\n", run.Out, StringComparison.Ordinal);
        Assert.Single(TaskResults(run));
        Assert.Equal("closed", Assert.Single(azure.LockstepThreads).Status);
        Assert.Equal("succeeded", Assert.Single(azure.Statuses)["state"]!.GetValue<string>());
    }

    [Fact]
    public void An_api_failure_is_a_warning_and_never_turns_a_failing_gate_into_a_pass()
    {
        azure.Fail("GET", 403, """{"message":"TF401027: You need the Git 'PullRequestContribute' permission to perform this action."}""");
        azure.Fail("POST", 401, string.Empty, contentType: "text/plain");

        var run = cli.Run("azure-task");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("##vso[task.logissue type=warning;]Lockstep could not update the PR comment: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("the build identity needs 'Contribute to pull requests'.", run.Out, StringComparison.Ordinal);
        Assert.Contains("##vso[task.logissue type=warning;]Lockstep could not post the pull request status: ", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("##vso[task.complete result=Failed;]Lockstep gate: fail\n", run.Out, StringComparison.Ordinal);
        Assert.Empty(azure.LockstepThreads);
        Assert.Single(TaskResults(run));
    }

    [Fact]
    public void Outside_a_pull_request_it_gates_without_calling_azure_devops()
    {
        cli.Environment.Remove("SYSTEM_PULLREQUEST_PULLREQUESTID");
        cli.WriteDemoInputs("pass");

        var run = cli.Run("azure-task");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("##vso[task.complete result=Succeeded;]Lockstep gate: pass\n", run.Out, StringComparison.Ordinal);
        Assert.Single(TaskResults(run));
        Assert.Empty(azure.Requests);
    }

    [Fact]
    public void With_the_project_as_dora_source_the_thread_carries_two_lane_DORA_without_mermaid()
    {
        var definition = azure.AddDefinition("deploy-web");
        var now = DateTimeOffset.UtcNow;
        azure.AddBuild(5001, definition, "succeeded", now.AddDays(-3), now.AddDays(-3).AddMinutes(8), "beef0001");
        azure.AddChange(5001, "beef0001", "Merged PR 9: Faster start", now.AddDays(-4));
        cli.Environment["INPUT_DORASOURCE"] = "azure-devops";
        cli.Environment["INPUT_CODEPIPELINES"] = "deploy-web";

        var run = cli.Run("azure-task");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("wrote ", run.Out, StringComparison.Ordinal);
        Assert.Contains(": 1 deployments, 0 incidents (", run.Out, StringComparison.Ordinal);
        var body = Assert.Single(azure.LockstepThreads).Content;
        Assert.Contains("Delivery: DORA metrics for code and model", body, StringComparison.Ordinal);
        Assert.DoesNotContain("```mermaid", body, StringComparison.Ordinal);
        Assert.Contains("\"sha\":\"beef0001\"", File.ReadAllText(Path.Combine(cli.Directory, "agent-temp", "lockstep-events.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_input_file_posts_an_error_status_then_fails_with_one_line()
    {
        cli.Environment["INPUT_CANDIDATE"] = "missing.json";

        var run = cli.Run("azure-task");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: missing.json: file not found\n", run.Error);
        Assert.Equal("error", Assert.Single(azure.Statuses)["state"]!.GetValue<string>());
        Assert.Single(TaskResults(run));
    }

    [Fact]
    public void A_report_id_with_a_space_is_an_error_line_with_an_error_status_and_one_task_result()
    {
        cli.Environment["INPUT_REPORTID"] = "my report";

        var run = cli.Run("azure-task");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: task inputs: reportId: expected 1 to 64 letters, digits, '.', '_' or '-', got 'my report'\n", run.Error);
        Assert.Equal("error", Assert.Single(azure.Statuses)["state"]!.GetValue<string>());
        Assert.Equal("##vso[task.complete result=Failed;]Lockstep gate: error (an input could not be read)", Assert.Single(TaskResults(run)));
        Assert.Empty(azure.LockstepThreads);
    }

    [Theory]
    [InlineData("INPUT_FAILON", "sometimes", "error: task inputs: failOn: expected fail, warn or never, got 'sometimes'\n")]
    [InlineData("INPUT_COMMENTMODE", "loud", "error: task inputs: commentMode: expected always, changes, failures or off, got 'loud'\n")]
    [InlineData("INPUT_CANDIDATE", "missing.json", "error: missing.json: file not found\n")]
    public void An_input_that_cannot_be_read_still_posts_the_error_status_sets_the_verdict_and_ends_the_task_once(string name, string value, string error)
    {
        cli.Environment[name] = value;

        var run = cli.Run("azure-task");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error, run.Error);
        Assert.StartsWith($"##vso[task.setsecret]{Token}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("##vso[task.setvariable variable=verdict;isOutput=true;]error\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("**Lockstep could not run:** " + error["error: ".Length..^1], File.ReadAllText(Path.Combine(cli.Directory, "agent-temp", "lockstep-summary.md")), StringComparison.Ordinal);
        var status = Assert.Single(azure.Statuses);
        Assert.Equal(("error", "Lockstep could not run: " + error["error: ".Length..^1]), (status["state"]!.GetValue<string>(), status["description"]!.GetValue<string>()));
        Assert.Single(TaskResults(run));
        Assert.EndsWith("##vso[task.complete result=Failed;]Lockstep gate: error (an input could not be read)\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_project_as_dora_source_outside_a_pull_request_nothing_is_called()
    {
        cli.Environment.Remove("SYSTEM_PULLREQUEST_PULLREQUESTID");
        cli.Environment["INPUT_DORASOURCE"] = "azure-devops";
        cli.Environment["INPUT_CODEPIPELINES"] = "deploy-web";

        var run = cli.Run("azure-task");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("note: doraSource azure-devops reads the project in an Azure Repos pull request build only; this run has no DORA section.\n", run.Out, StringComparison.Ordinal);
        Assert.Single(TaskResults(run));
        Assert.Empty(azure.Requests);
    }

    [Fact]
    public void A_pull_request_of_a_GitHub_repository_is_not_sent_to_Azure_Repos()
    {
        cli.Environment["BUILD_REPOSITORY_PROVIDER"] = "GitHub";
        cli.Environment["BUILD_REPOSITORY_ID"] = "octo-org/model-repo";
        cli.Environment["INPUT_DORASOURCE"] = "azure-devops";
        cli.Environment["INPUT_CODEPIPELINES"] = "deploy-web";

        var run = cli.Run("azure-task");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("##vso[task.logissue type=warning;]Lockstep posts no pull request thread or status: this build validates a pull request of a GitHub repository, which Azure Repos cannot comment on or post a status to;", run.Out, StringComparison.Ordinal);
        Assert.Contains("##vso[task.setvariable variable=verdict;isOutput=true;]fail\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("Lockstep gate", File.ReadAllText(Path.Combine(cli.Directory, "agent-temp", "lockstep-summary.md")), StringComparison.Ordinal);
        Assert.Equal("##vso[task.complete result=Failed;]Lockstep gate: fail", Assert.Single(TaskResults(run)));
        Assert.Empty(azure.Requests);
    }

    [Theory]
    [InlineData("fail", 1)]
    [InlineData("never", 0)]
    public void Comment_mode_failures_comments_only_when_the_step_fails_by_fail_on(string failOn, int threads)
    {
        cli.Environment["INPUT_COMMENTMODE"] = "failures";
        cli.Environment["INPUT_FAILON"] = failOn;

        var run = cli.Run("azure-task");

        Assert.Contains("##vso[task.setvariable variable=verdict;isOutput=true;]fail\n", run.Out, StringComparison.Ordinal);
        Assert.Equal(threads, azure.LockstepThreads.Count);
        Assert.Contains(threads == 1 ? "comment created: " : "comment skipped\n", run.Out, StringComparison.Ordinal);
        Assert.Single(TaskResults(run));
    }

    [Fact]
    public void With_events_the_summary_gets_the_DORA_section_too()
    {
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        cli.Environment["INPUT_EVENTS"] = "events.jsonl";

        var run = cli.Run("azure-task");

        Assert.Contains("Delivery: DORA metrics for code and model", File.ReadAllText(Path.Combine(cli.Directory, "agent-temp", "lockstep-summary-2.md")), StringComparison.Ordinal);
        Assert.Contains($"##vso[task.uploadsummary]{Path.Combine(cli.Directory, "agent-temp", "lockstep-summary-2.md")}\n", run.Out, StringComparison.Ordinal);
        Assert.Single(TaskResults(run));
    }

    [Fact]
    public void The_events_command_writes_the_projects_events()
    {
        var production = azure.AddEnvironment("production");
        var now = DateTimeOffset.UtcNow;
        azure.AddDeploymentRecord(production, 7001, "deploy-web", "succeeded", now.AddDays(-2), now.AddDays(-2).AddMinutes(4));
        azure.AddBuild(7001, 12, "succeeded", now.AddDays(-2).AddMinutes(-3), now.AddDays(-2).AddMinutes(4), "cafe0001");
        cli.Environment.Remove("SYSTEM_ACCESSTOKEN");
        cli.Environment["AZURE_DEVOPS_TOKEN"] = "pat0123456789abcdefghijklmnopqrstuvwxyz0123456789ab";

        var run = cli.Run("events", "azure-devops", "--code-environment", "production", "--out", "events.jsonl");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(cli.Read("events.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("""{"type":"deployment","lane":"code","id":"7001@production","environment":"production","sha":"cafe0001","status":"success",""", line, StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("dora", "--events", "events.jsonl").ExitCode);
    }

    [Fact]
    public void The_events_command_needs_a_lane_and_a_token()
    {
        var nothing = cli.Run("events", "azure-devops", "--out", "events.jsonl");
        cli.Environment.Remove("SYSTEM_ACCESSTOKEN");
        var noToken = cli.Run("events", "azure-devops", "--code-pipeline", "deploy-web", "--out", "events.jsonl");

        Assert.Equal(2, nothing.ExitCode);
        Assert.StartsWith("error: name at least one --code-environment, --model-environment, --code-pipeline, --model-pipeline or incident tag\n", nothing.Error, StringComparison.Ordinal);
        Assert.Equal(2, noToken.ExitCode);
        Assert.StartsWith("error: AZURE_DEVOPS_TOKEN: missing: set AZURE_DEVOPS_TOKEN", noToken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_shows_an_example_for_each_command()
    {
        Assert.Contains("Example (what the task runs; the agent sets the variables):\n    INPUT_CANDIDATE=candidate.json", cli.Run("azure-task", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("Examples:\n    lockstep events azure-devops --code-environment production", cli.Run("events", "azure-devops", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("Examples:\n    lockstep events azure-devops", cli.Run("events", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_follows_the_step_and_an_undecided_gate_is_an_error()
    {
        var gate = new Core.Gates.GateResult { Verdict = Core.Gates.Verdict.Error, Gates = [] };

        Assert.Equal(AzureDevOps.PullRequestStatusState.Error, AzureTaskRun.Status(gate, Core.Platform.FailOn.Never, null).State);
    }

    private static List<string> TaskResults(CliRun run) =>
        run.Out.Split('\n').Where(line => line.StartsWith("##vso[task.complete", StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        azure.Dispose();
        cli.Dispose();
    }
}
