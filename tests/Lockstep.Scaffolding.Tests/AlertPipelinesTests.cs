using System.Text.Json.Nodes;
using Lockstep.Conventions.Tests;
using Lockstep.Core.Policy;
using Lockstep.Scaffolding.Engine;
using Lockstep.Tests.Shared;

namespace Lockstep.Scaffolding.Tests;

/// <summary>
/// The drift alert stream of a generated repository: the scheduled monitor and the retraining it starts, on GitHub
/// (a <c>repository_dispatch</c> with the alert as client payload) and Azure Pipelines (a queued run with the alert as
/// template parameters). Their validity against the platforms' validators is in <see cref="PipelineSchemaTests"/>.
/// </summary>
public class AlertPipelinesTests
{
    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    private static readonly string[] PayloadFields = ["report_id", "cause", "verdict", "action", "drifted", "run_url", "issue_url"];

    private static readonly string[] TemplateParameters = ["reportId", "cause", "verdict", "action", "features", "runUrl", "workItemUrl"];

    [Fact]
    public void The_monitor_runs_on_a_schedule_and_by_hand_with_only_the_permissions_it_needs()
    {
        var monitor = Rendered(CiTarget.GitHub, ".github/workflows/lockstep-monitor.yml");

        Assert.Matches(@"^\S+ \S+ \S+ \S+ \S+$", monitor["on"]!["schedule"]![0]!["cron"]!.GetValue<string>());
        Assert.Equal(["schedule", "workflow_dispatch"], monitor["on"]!.AsObject().Select(e => e.Key));
        Assert.Equal(
            [("contents", "write"), ("issues", "write"), ("actions", "read")],
            monitor["permissions"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())));
    }

    [Fact]
    public void The_monitor_alerts_through_github_records_the_history_even_when_a_gate_fails_and_keeps_the_reports()
    {
        var steps = Steps(Rendered(CiTarget.GitHub, ".github/workflows/lockstep-monitor.yml"), "monitor");

        var monitor = Step(steps, "Monitor");
        var run = monitor["run"]!.GetValue<string>();
        Assert.Contains("lockstep monitor --policy lockstep.yml --reference data/dataset.csv --current artifacts/serving.csv", run, StringComparison.Ordinal);
        Assert.Contains("--alert github", run, StringComparison.Ordinal);
        Assert.Contains("--history history/.lockstep/history", run, StringComparison.Ordinal);
        Assert.Equal("${{ github.token }}", monitor["env"]!["GITHUB_TOKEN"]!.GetValue<string>());
        var record = Step(steps, "Record into the lockstep-history branch");
        Assert.StartsWith("always() && ", record["if"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("git push origin HEAD:lockstep-history", record["run"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(steps.IndexOf(Step(steps, "Check out the lockstep-history branch")) < steps.IndexOf(monitor));
        var keep = Step(steps, "Keep the reports");
        Assert.Equal("always()", keep["if"]!.GetValue<string>());
        Assert.Contains("artifacts/monitor.md", keep["with"]!["path"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Retraining_answers_the_monitors_dispatch_and_reads_its_payload_only_through_the_environment()
    {
        var retrain = Rendered(CiTarget.GitHub, ".github/workflows/lockstep-retrain.yml");
        var job = retrain["jobs"]!["retrain"]!;

        Assert.Equal("lockstep-monitor", retrain["on"]!["repository_dispatch"]!["types"]!.AsArray().Single()!.GetValue<string>());
        Assert.NotNull(retrain["on"]!["workflow_dispatch"]);
        var payload = job["env"]!.AsObject().Select(e => e.Value!.GetValue<string>()).Where(v => v.Contains("client_payload", StringComparison.Ordinal)).ToList();
        Assert.All(PayloadFields, field => Assert.Contains(payload, v => v.Contains($"client_payload.{field} ", StringComparison.Ordinal) || v.Contains($"client_payload.{field})", StringComparison.Ordinal)));
        Assert.All(Runs(job), run => Assert.DoesNotContain("${{", run, StringComparison.Ordinal));
        Assert.Equal(
            [("contents", "write"), ("pull-requests", "write"), ("issues", "write"), ("actions", "read")],
            retrain["permissions"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())));
    }

    [Fact]
    public void Retraining_trains_with_the_training_project_gates_and_proposes_the_card_only_when_the_gate_passes()
    {
        var steps = Steps(Rendered(CiTarget.GitHub, ".github/workflows/lockstep-retrain.yml"), "retrain");

        Assert.Equal("dotnet run --project src/ChurnModel.Training --configuration Release --no-build -- --out artifacts/model", Step(steps, "Train and evaluate")["run"]!.GetValue<string>());
        Assert.Contains("lockstep gate --policy lockstep.yml --candidate artifacts/model/report-card.json", Step(steps, "Gate against production")["run"]!.GetValue<string>(), StringComparison.Ordinal);
        var pr = Step(steps, "Open a pull request with the new data pin and model card");
        Assert.Null(pr["if"]);
        Assert.Contains("lockstep card --report artifacts/model/report-card.json --gate artifacts/gate.json", pr["run"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("gh pr create", pr["run"]!.GetValue<string>(), StringComparison.Ordinal);
        var comment = Step(steps, "Comment on the incident issue");
        Assert.Equal("always() && env.ISSUE_URL != ''", comment["if"]!.GetValue<string>());
    }

    [Fact]
    public void A_hostile_payload_is_written_literally_and_runs_nothing()
    {
        var workspace = Directory.CreateTempSubdirectory("lockstep-retrain-").FullName;
        try
        {
            var (exitCode, output) = WorkflowStep.Run(Retrain, "retrain", "Describe the alert", workspace, new Dictionary<string, string>
            {
                ["REPORT_ID"] = "$(touch pwned-report)",
                ["CAUSE"] = "`touch pwned-cause`",
                ["VERDICT"] = "fail",
                ["ACTION"] = "rollback",
                ["DRIFTED"] = """[{"feature":"x\"; touch pwned-feature; \"","psi":0.31},{"feature":"tenure","psi":0.27}]""",
                ["RUN_URL"] = "https://github.com/o/r/actions/runs/1",
                ["ISSUE_URL"] = "",
                ["GITHUB_STEP_SUMMARY"] = Path.Combine(workspace, "summary.md"),
            });

            Assert.True(exitCode == 0, output);
            Assert.Empty(Directory.GetFiles(workspace, "pwned*"));
            var summary = File.ReadAllText(Path.Combine(workspace, "summary.md"));
            Assert.Contains("report `$(touch pwned-report)`: cause `touch pwned-cause`, verdict fail, action rollback.", summary, StringComparison.Ordinal);
            Assert.Contains("- `x\"; touch pwned-feature; \"`: PSI 0.31\n- `tenure`: PSI 0.27\n", summary, StringComparison.Ordinal);
            Assert.DoesNotContain("Incident:", summary, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    [Theory]
    [InlineData("https://github.com/octo/model/issues/12", "failure", "issue comment 12 --repo octo/model --body-file artifacts/comment.md", "does not pass the gate (failure)")]
    [InlineData("https://github.com/octo/model/issues/3", "success", "issue comment 3 --repo octo/model", "passes the gate; no pull request was opened")]
    [InlineData("https://github.com/octo/other/issues/12", "success", null, null)]
    [InlineData("https://github.com/octo/model/issues/12/../../../other/issues/1", "success", null, null)]
    public void Only_an_issue_of_the_repository_gets_the_retrainings_comment(string issue, string gate, string? call, string? comment)
    {
        var workspace = Directory.CreateTempSubdirectory("lockstep-retrain-").FullName;
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(workspace, "bin")).FullName;
            File.WriteAllText(Path.Combine(bin, "gh"), "#!/usr/bin/env bash\necho \"$*\" >> \"$GITHUB_WORKSPACE/gh-calls\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(bin, "gh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            Directory.CreateDirectory(Path.Combine(workspace, "artifacts"));

            var (exitCode, output) = WorkflowStep.Run(Retrain, "retrain", "Comment on the incident issue", workspace, new Dictionary<string, string>
            {
                ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
                ["ISSUE_URL"] = issue,
                ["GATE"] = gate,
                ["PR_URL"] = "",
                ["GITHUB_SERVER_URL"] = "https://github.com",
                ["GITHUB_REPOSITORY"] = "octo/model",
                ["GITHUB_RUN_ID"] = "7",
            });

            Assert.True(exitCode == 0, output);
            var calls = Path.Combine(workspace, "gh-calls");
            if (call is null)
            {
                Assert.False(File.Exists(calls), output);
                Assert.Contains("::warning::the alert's issue_url is not an issue of this repository", output, StringComparison.Ordinal);
            }
            else
            {
                Assert.StartsWith(call, File.ReadAllText(calls), StringComparison.Ordinal);
                Assert.Contains(comment!, File.ReadAllText(Path.Combine(workspace, "artifacts", "comment.md")), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    [Fact]
    public void The_azure_monitor_runs_only_on_its_schedule_and_alerts_with_the_pipelines_token()
    {
        var pipeline = Rendered(CiTarget.Azure, "azure-pipelines-monitor.yml");
        var schedule = pipeline["schedules"]![0]!;
        var monitor = AzureSteps(pipeline).Single(s => s!["displayName"]?.GetValue<string>() == "Monitor")!;

        Assert.Equal("none", pipeline["trigger"]!.GetValue<string>());
        Assert.Equal("true", schedule["always"]!.ToString());
        Assert.Equal("main", schedule["branches"]!["include"]![0]!.GetValue<string>());
        Assert.Equal("$(System.AccessToken)", monitor["env"]!["SYSTEM_ACCESSTOKEN"]!.GetValue<string>());
        Assert.Contains("--alert azure-devops", monitor["script"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("lockstep-history", AzureSteps(pipeline).Select(s => s!["inputs"]?["artifact"]?.GetValue<string>()));
    }

    [Fact]
    public void The_azure_retraining_takes_the_alert_as_string_parameters_with_defaults_and_reads_them_through_the_environment()
    {
        var pipeline = Rendered(CiTarget.Azure, "azure-pipelines-retrain.yml");
        var parameters = pipeline["parameters"]!.AsArray();
        var job = pipeline["stages"]![0]!["jobs"]![0]!;

        Assert.Equal("none", pipeline["trigger"]!.GetValue<string>());
        Assert.Null(pipeline["schedules"]);
        Assert.Equal(TemplateParameters, parameters.Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(parameters, p => Assert.Equal("string", p!["type"]!.GetValue<string>()));
        Assert.All(parameters, p => Assert.False(string.IsNullOrEmpty(p!["default"]?.GetValue<string>())));
        Assert.Equal(
            TemplateParameters.Select(name => $"${{{{ parameters.{name} }}}}"),
            job["variables"]!.AsObject().Select(v => v.Value!.GetValue<string>()));
        Assert.All(AzureSteps(pipeline).Select(s => s!["script"]?.GetValue<string>() ?? string.Empty), script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_retrain_stage_there_is_no_monitor_and_no_retraining()
    {
        var paths = Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.Both, Stages = PipelineStages.Parse("validate,train,evaluate,promote", "--stages") }).Select(f => f.Path).ToList();

        Assert.DoesNotContain(paths, p => p.Contains("monitor", StringComparison.Ordinal) || p.Contains("retrain", StringComparison.Ordinal));
    }

    [Fact]
    public void The_policys_monitor_section_reads_and_names_the_event_the_retraining_listens_to()
    {
        var policy = PolicyReader.Parse(Scaffolder.Policy(ModelTasks.BinaryClassification, firstModelAllowed: true).Content, "lockstep.yml");
        var retrain = Rendered(CiTarget.GitHub, ".github/workflows/lockstep-retrain.yml");

        Assert.Equal(retrain["on"]!["repository_dispatch"]!["types"]![0]!.GetValue<string>(), policy.Monitor.GitHub.EventType);
        Assert.Equal("lockstep-retrain", policy.Monitor.AzureDevOps.Pipeline);
        Assert.Contains("model-incident", policy.Monitor.IssueLabels(policy.Dora));
    }

    private static string Retrain => Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.GitHub })
        .Single(f => f.Path == ".github/workflows/lockstep-retrain.yml").Content;

    private static JsonNode Rendered(CiTarget ci, string path) => YamlToJson.Convert(Scaffolder.Pipelines(new PipelineOptions
    {
        Ci = ci,
        ModelName = "ChurnModel",
        TrainingProject = "src/ChurnModel.Training",
    }).Single(f => f.Path == path).Content)!;

    private static List<JsonNode> Steps(JsonNode workflow, string job) => workflow["jobs"]![job]!["steps"]!.AsArray().Select(s => s!).ToList();

    private static JsonNode Step(List<JsonNode> steps, string name) => steps.Single(s => s["name"]?.GetValue<string>() == name);

    private static IEnumerable<string> Runs(JsonNode job) => job["steps"]!.AsArray().Select(s => s!["run"]?.GetValue<string>()).OfType<string>();

    private static IEnumerable<JsonNode?> AzureSteps(JsonNode pipeline) =>
        pipeline["stages"]!.AsArray().SelectMany(stage => stage!["jobs"]!.AsArray()).SelectMany(job => job!["steps"]!.AsArray());
}
