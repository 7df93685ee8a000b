using System.Text.Json.Nodes;
using Lockstep.Conventions.Tests;
using Lockstep.Scaffolding.Engine;
using Lockstep.Tests.Shared;

namespace Lockstep.Scaffolding.Tests;

/// <summary>
/// The quarterly disaster-recovery drill of a generated repository, on GitHub and Azure Pipelines: three planes lost
/// in turn, each rebuild checked against the registered card and timed as a drill, and the drills recorded in the
/// history. The scripts that decide run for real, in a git repository. Validity against the platforms' validators
/// is in <see cref="PipelineSchemaTests"/>; the whole rebuild of a generated starter is in the template tests.
/// </summary>
public sealed class DrillPipelinesTests : IDisposable
{
    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    private static readonly string[] Scenarios = ["feature-store", "model-registry", "training-cluster"];

    private readonly string workspace = Directory.CreateTempSubdirectory("lockstep-drill-").FullName;

    [Fact]
    public void The_drill_runs_each_quarter_and_by_hand_with_only_the_permissions_it_needs()
    {
        var drill = Rendered(CiTarget.GitHub, ".github/workflows/lockstep-drill.yml");

        Assert.Equal(["schedule", "workflow_dispatch"], drill["on"]!.AsObject().Select(e => e.Key));
        Assert.Equal("17 6 1 1,4,7,10 *", drill["on"]!["schedule"]![0]!["cron"]!.GetValue<string>());
        Assert.Equal(
            [("contents", "write"), ("actions", "read")],
            drill["permissions"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())));
        Assert.Equal("lockstep-drill", drill["concurrency"]!["group"]!.GetValue<string>());
    }

    [Fact]
    public void The_three_planes_are_lost_one_after_the_other_and_a_failed_drill_does_not_skip_the_next()
    {
        var jobs = Rendered(CiTarget.GitHub, ".github/workflows/lockstep-drill.yml")["jobs"]!.AsObject();

        Assert.Equal([.. Scenarios, "record"], jobs.Select(j => j.Key));
        Assert.Null(jobs["feature-store"]!["needs"]);
        Assert.Equal("feature-store", jobs["model-registry"]!["needs"]![0]!.GetValue<string>());
        Assert.Equal("model-registry", jobs["training-cluster"]!["needs"]![0]!.GetValue<string>());
        Assert.Equal(Scenarios, jobs["record"]!["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.All(["model-registry", "training-cluster", "record"], job => Assert.Equal("!cancelled()", jobs[job]!["if"]!.GetValue<string>()));
        Assert.All(Scenarios, scenario => Assert.Equal(scenario, jobs[scenario]!["env"]!["LOCKSTEP_DRILL"]!.GetValue<string>()));
        Assert.Equal("ubuntu-latest", jobs["model-registry"]!["runs-on"]!.GetValue<string>());
        Assert.Equal("${{ vars.LOCKSTEP_FALLBACK_RUNNER || 'ubuntu-latest' }}", jobs["training-cluster"]!["runs-on"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("feature-store")]
    [InlineData("model-registry")]
    [InlineData("training-cluster")]
    public void Each_drill_is_timed_from_its_first_step_to_a_rebuild_identical_to_the_registered_card(string scenario)
    {
        var steps = Steps(Rendered(CiTarget.GitHub, ".github/workflows/lockstep-drill.yml"), scenario);
        var names = steps.Select(s => s["name"]?.GetValue<string>() ?? s["uses"]!.GetValue<string>()).ToList();

        Assert.Equal("Note when the drill starts", names[0]);
        Assert.Contains(
            $"lockstep drill start --scenario {scenario} --events artifacts/drill/events.jsonl --at \"$DRILL_STARTED\"",
            Step(steps, "Start the drill")["run"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Equal(0L, Step(steps, "actions/checkout@v4")["with"]!["fetch-depth"]!.GetValue<long>());
        Assert.Contains(
            "lockstep rebuild-check --registered artifacts/registered/report-card.json --rebuilt artifacts/rebuilt/report-card.json",
            Step(steps, "Compare with the registered card")["run"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Contains("--out artifacts/rebuilt", Step(steps, "Rebuild the model")["run"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            ["Start the drill", "Fetch the registered report card", "Check out the registered commit", "Build", "Rebuild the model", "Compare with the registered card", "End the drill", "Keep the drill"],
            names.Where(n => n is "Start the drill" or "Fetch the registered report card" or "Check out the registered commit" or "Build" or "Rebuild the model"
                or "Compare with the registered card" or "End the drill" or "Keep the drill"));
        Assert.StartsWith($"lockstep drill end --scenario {scenario} --events artifacts/drill/events.jsonl", Step(steps, "End the drill")["run"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(Step(steps, "End the drill")["if"]);
        var keep = Step(steps, "Keep the drill");
        Assert.Equal("always()", keep["if"]!.GetValue<string>());
        Assert.Equal($"lockstep-drill-{scenario}", keep["with"]!["name"]!.GetValue<string>());
        Assert.Equal(scenario == "feature-store", names.Contains("Restore the pinned data without the feature store"));
    }

    [Fact]
    public void The_feature_store_drill_restores_and_verifies_the_pinned_data_before_it_builds()
    {
        var steps = Steps(Rendered(CiTarget.GitHub, ".github/workflows/lockstep-drill.yml"), "feature-store");

        var restore = steps.IndexOf(Step(steps, "Restore the pinned data without the feature store"));
        var verify = steps.IndexOf(Step(steps, "Verify the data against its pins"));
        Assert.Equal("bash deploy/serve.sh restore-data", steps[restore]["run"]!.GetValue<string>());
        Assert.Equal("lockstep data verify", steps[verify]["run"]!.GetValue<string>());
        Assert.True(steps.IndexOf(Step(steps, "Check out the registered commit")) < restore);
        Assert.True(verify < steps.IndexOf(Step(steps, "Build")));
    }

    [Fact]
    public void The_record_job_writes_every_drill_kept_to_the_history_branch_and_retries_the_push()
    {
        var steps = Steps(Rendered(CiTarget.GitHub, ".github/workflows/lockstep-drill.yml"), "record");

        Assert.Equal("lockstep-drill-*", Step(steps, "actions/download-artifact@v4")["with"]!["pattern"]!.GetValue<string>());
        var record = Step(steps, "Record into the lockstep-history branch")["run"]!.GetValue<string>();
        Assert.Contains("lockstep record --history history/.lockstep/history artifacts/drills.jsonl", record, StringComparison.Ordinal);
        Assert.Contains("git push origin HEAD:lockstep-history", record, StringComparison.Ordinal);
        Assert.Contains("git rebase origin/lockstep-history", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Collecting_joins_the_drills_each_job_kept_and_fails_when_none_was()
    {
        var drill = Workflow(CiTarget.GitHub, ".github/workflows/lockstep-drill.yml");

        var (none, noneOutput) = WorkflowStep.Run(drill, "record", "Collect the drills", workspace);
        Write("artifacts/drills/lockstep-drill-feature-store/events.jsonl", "{\"a\":1}\n");
        Write("artifacts/drills/lockstep-drill-training-cluster/events.jsonl", "{\"c\":3}\n");
        var (collected, output) = WorkflowStep.Run(drill, "record", "Collect the drills", workspace);

        Assert.Equal(1, none);
        Assert.Contains("::error::no drill was recorded", noneOutput, StringComparison.Ordinal);
        Assert.True(collected == 0, output);
        Assert.Equal("{\"a\":1}\n{\"c\":3}\n", File.ReadAllText(Path.Combine(workspace, "artifacts/drills.jsonl")));
    }

    [Theory]
    [InlineData(CiTarget.GitHub)]
    [InlineData(CiTarget.Azure)]
    public void The_rebuild_checks_out_the_commit_the_registered_card_names(CiTarget ci)
    {
        var registered = CommitFile("model.txt", "v1");
        CommitFile("model.txt", "v2");
        Write("artifacts/registered/report-card.json", $$$"""{"run":{"commit":"{{{registered}}}","seed":42}}""");

        var (exitCode, output) = WorkflowStep.RunScript(CheckOutScript(ci), workspace);

        Assert.True(exitCode == 0, output);
        Assert.Equal(registered, Git("rev-parse", "HEAD"));
        Assert.Equal("v1", File.ReadAllText(Path.Combine(workspace, "model.txt")));
        Assert.Contains($"rebuilding the registered model at {registered}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CiTarget.GitHub, """{"run":{"seed":42}}""", "::error::the registered report card has no run.commit")]
    [InlineData(CiTarget.GitHub, """{"run":{"commit":"0123456789abcdef0123456789abcdef01234567"}}""", "::error::the registered commit 0123456789abcdef0123456789abcdef01234567 is not in the repository")]
    [InlineData(CiTarget.Azure, """{"metrics":{}}""", "##vso[task.logissue type=error]the registered report card has no run.commit")]
    [InlineData(CiTarget.Azure, null, "##vso[task.logissue type=error]no registered model to rebuild: set LOCKSTEP_DELIVERY_PIPELINE")]
    public void A_registered_card_that_names_no_commit_of_the_repository_fails_the_drill_and_says_why(CiTarget ci, string? card, string expected)
    {
        var head = CommitFile("model.txt", "v1");
        if (card is not null)
        {
            Write("artifacts/registered/report-card.json", card);
        }

        var (exitCode, output) = WorkflowStep.RunScript(CheckOutScript(ci), workspace);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Equal(head, Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void Without_a_successful_delivery_run_there_is_no_registered_model_and_the_drill_fails()
    {
        var bin = Directory.CreateDirectory(Path.Combine(workspace, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "gh"), "#!/usr/bin/env bash\necho \"$*\" >> \"$GITHUB_WORKSPACE/gh-calls\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "gh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var drill = Workflow(CiTarget.GitHub, ".github/workflows/lockstep-drill.yml");

        var (exitCode, output) = WorkflowStep.Run(drill, "model-registry", "Fetch the registered report card", workspace, new Dictionary<string, string>
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("::error::no registered model to rebuild: no successful delivery run on main kept a production-report-card", output, StringComparison.Ordinal);
        Assert.StartsWith("run list --workflow lockstep-delivery.yml --branch main --status success", File.ReadAllText(Path.Combine(workspace, "gh-calls")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_azure_drill_runs_quarterly_stage_after_stage_and_the_training_cluster_drill_on_the_fallback_pool()
    {
        var pipeline = Rendered(CiTarget.Azure, "azure-pipelines-drill.yml");
        var stages = pipeline["stages"]!.AsArray().Select(s => s!).ToList();

        Assert.Equal("17 6 1 1,4,7,10 *", pipeline["schedules"]![0]!["cron"]!.GetValue<string>());
        Assert.Equal("none", pipeline["trigger"]!.GetValue<string>());
        Assert.Equal(["FeatureStore", "ModelRegistry", "TrainingCluster", "Record"], stages.Select(s => s["stage"]!.GetValue<string>()));
        Assert.Equal("FeatureStore", stages[1]["dependsOn"]!.GetValue<string>());
        Assert.Equal("ModelRegistry", stages[2]["dependsOn"]!.GetValue<string>());
        Assert.All(stages.Skip(1), stage => Assert.Equal("succeededOrFailed()", stage["condition"]!.GetValue<string>()));
        Assert.Equal("${{ parameters.fallbackPool }}", stages[2]["jobs"]![0]!["pool"]!.GetValue<string>());
        Assert.Equal("ubuntu-latest", pipeline["parameters"]![0]!["default"]!["vmImage"]!.GetValue<string>());
        Assert.Equal("", pipeline["variables"]!["LOCKSTEP_DELIVERY_PIPELINE"]!.GetValue<string>());
        for (var i = 0; i < Scenarios.Length; i++)
        {
            var job = stages[i]["jobs"]![0]!;
            var scripts = job["steps"]!.AsArray().Select(s => s!["script"]?.GetValue<string>()).OfType<string>().ToList();
            Assert.Equal(Scenarios[i], job["variables"]!["LOCKSTEP_DRILL"]!.GetValue<string>());
            Assert.StartsWith("echo \"##vso[task.setvariable variable=DRILL_STARTED]", scripts[0], StringComparison.Ordinal);
            Assert.Contains($"lockstep drill start --scenario {Scenarios[i]} --events artifacts/drill/events.jsonl --at \"$DRILL_STARTED\"", scripts);
            Assert.Contains(scripts, s => s.Contains("lockstep rebuild-check --registered artifacts/registered/report-card.json --rebuilt artifacts/rebuilt/report-card.json", StringComparison.Ordinal));
            Assert.Equal($"lockstep drill end --scenario {Scenarios[i]} --events artifacts/drill/events.jsonl", scripts[^1]);
            var keep = job["steps"]!.AsArray().Single(s => s!["publish"] is not null)!;
            Assert.Equal(($"lockstep-drill-{Scenarios[i]}", "succeededOrFailed()"), (keep["artifact"]!.GetValue<string>(), keep["condition"]!.GetValue<string>()));
        }

        var record = stages[3]["jobs"]![0]!["steps"]!.AsArray();
        Assert.Contains(record, s => s!["inputs"]?["itemPattern"]?.GetValue<string>() == "lockstep-drill-*/**");
        Assert.Contains(record, s => s!["script"]?.GetValue<string>().Contains("lockstep record --history \"$history/.lockstep/history\" artifacts/drills.jsonl", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_serving_seam_refuses_the_live_data_source_during_a_feature_store_drill_and_restores_the_pinned_data()
    {
        Write("deploy/serve.sh", Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.GitHub }).Single(f => f.Path == "deploy/serve.sh").Content);

        var (lost, lostOutput) = WorkflowStep.RunScript("bash deploy/serve.sh training-data data/dataset.csv", workspace, new Dictionary<string, string> { ["LOCKSTEP_DRILL"] = "feature-store" });
        var (otherDrill, _) = WorkflowStep.RunScript("bash deploy/serve.sh training-data data/dataset.csv", workspace, new Dictionary<string, string> { ["LOCKSTEP_DRILL"] = "model-registry" });
        var (restored, restoredOutput) = WorkflowStep.RunScript("bash deploy/serve.sh restore-data", workspace, new Dictionary<string, string> { ["LOCKSTEP_DRILL"] = "feature-store" });

        Assert.Equal(3, lost);
        Assert.Contains("the feature store is lost in this drill", lostOutput, StringComparison.Ordinal);
        Assert.Equal(0, otherDrill);
        Assert.True(restored == 0, restoredOutput);
        Assert.Contains("restore-data: the pinned data is in the repository", restoredOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_drill_stage_there_is_no_drill()
    {
        var paths = Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.Both, Stages = PipelineStages.Parse("validate,train,evaluate,promote,retrain", "--stages") }).Select(f => f.Path);

        Assert.DoesNotContain(paths, p => p.Contains("drill", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(workspace, recursive: true);

    private static string CheckOutScript(CiTarget ci) => ci == CiTarget.GitHub
        ? WorkflowStep.Find(Workflow(ci, ".github/workflows/lockstep-drill.yml"), "model-registry", "Check out the registered commit")["run"]!.GetValue<string>()
        : Rendered(ci, "azure-pipelines-drill.yml")["stages"]![1]!["jobs"]![0]!["steps"]!.AsArray()
            .Single(s => s!["displayName"]?.GetValue<string>() == "Check out the registered commit")!["script"]!.GetValue<string>();

    private static string Workflow(CiTarget ci, string path) => Scaffolder.Pipelines(new PipelineOptions
    {
        Ci = ci,
        ModelName = "ChurnModel",
        TrainingProject = "src/ChurnModel.Training",
    }).Single(f => f.Path == path).Content;

    private static JsonNode Rendered(CiTarget ci, string path) => YamlToJson.Convert(Workflow(ci, path))!;

    private static List<JsonNode> Steps(JsonNode workflow, string job) => workflow["jobs"]![job]!["steps"]!.AsArray().Select(s => s!).ToList();

    private static JsonNode Step(List<JsonNode> steps, string name) =>
        steps.Single(s => (s["name"]?.GetValue<string>() ?? s["uses"]?.GetValue<string>()) == name);

    private void Write(string path, string content)
    {
        var full = Path.Combine(workspace, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Commits the file with that content (creating the repository the first time) and returns the commit.</summary>
    private string CommitFile(string path, string content)
    {
        if (!Directory.Exists(Path.Combine(workspace, ".git")))
        {
            Git("init", "--quiet");
            Write(".gitignore", "artifacts/\n");
            Git("add", ".gitignore");
        }

        Write(path, content);
        Git("add", path);
        return GitCommand.Commit(workspace, content);
    }

    private string Git(params string[] arguments) => GitCommand.Run(workspace, arguments);
}
