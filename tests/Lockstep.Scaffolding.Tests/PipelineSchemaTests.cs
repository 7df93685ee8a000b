using System.Text.Json.Nodes;
using Lockstep.Conventions.Tests;
using Lockstep.Tests.Shared;
using Lockstep.Scaffolding.Engine;

namespace Lockstep.Scaffolding.Tests;

/// <summary>
/// Every generated workflow is accepted by GitHub's validators (action-validator, actionlint, GitHub's workflow parser)
/// and every generated pipeline is valid against the Azure Pipelines service schema.
/// </summary>
public class PipelineSchemaTests
{
    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    public static TheoryData<string> StageSets => new()
    {
        string.Join(",", PipelineStages.All),
        "validate",
        "train",
        "validate,train,promote",
        "train,evaluate,register,promote",
        "train,canary,promote",
        "train,shadow,canary",
        "train,retrain",
        "validate,train,evaluate,canary,promote,retrain",
        "train,promote,drill",
    };

    [Theory]
    [MemberData(nameof(StageSets))]
    public void Every_stage_set_gives_valid_github_workflows_and_azure_pipelines(string stages)
    {
        var files = Scaffolder.Pipelines(new PipelineOptions
        {
            Ci = CiTarget.Both,
            Stages = PipelineStages.Parse(stages, "--stages"),
            ModelName = "ChurnModel",
            TrainingProject = "src/ChurnModel.Training",
            CanaryPercent = 10,
        });

        foreach (var file in files.Where(f => f.Path.EndsWith(".yml", StringComparison.Ordinal)))
        {
            AssertValid(file);
        }
    }

    [Fact]
    public void The_schema_check_refuses_what_the_platforms_would()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertValid(new GeneratedFile(".github/workflows/x.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: nope\n")));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertValid(new GeneratedFile("azure-pipelines.yml", "stages:\n  - stage: A\n    jobs: nope\n")));
    }

    [Theory]
    [InlineData("train,shadow,canary,promote", "canary", "shadow")]
    [InlineData("train,promote", "promote", "train")]
    [InlineData("train,evaluate,register,shadow,canary,promote", "register", "evaluate")]
    public void Each_job_runs_after_the_included_stage_before_it(string stages, string job, string after)
    {
        var workflow = Workflow(stages);

        Assert.Equal(after, workflow["jobs"]![job]!["needs"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Delivery_rolls_back_only_when_the_canary_fails_and_keeps_the_production_card_as_the_next_baseline()
    {
        var jobs = Workflow(string.Join(",", PipelineStages.All))["jobs"]!.AsObject();

        Assert.Equal("always() && needs.canary.result == 'failure'", jobs["rollback"]!["if"]!.GetValue<string>());
        Assert.Equal("model-production", jobs["promote"]!["environment"]!.GetValue<string>());
        Assert.Equal("model-production", jobs["rollback"]!["environment"]!.GetValue<string>());
        Assert.Contains("production-report-card", jobs["promote"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["train", "code-scanning", "evaluate", "history", "register", "shadow", "canary", "promote", "rollback"], jobs.Select(j => j.Key));
    }

    [Fact]
    public void Delivery_records_the_gate_card_and_events_on_the_history_branch_and_retries_the_push()
    {
        var jobs = Workflow("train,evaluate,promote")["jobs"]!.AsObject();
        var history = jobs["history"]!;
        var record = history["steps"]!.AsArray().Single(s => s!["name"]?.GetValue<string>() == "Record into the lockstep-history branch")!["run"]!.GetValue<string>();

        Assert.Equal("evaluate", history["needs"]![0]!.GetValue<string>());
        Assert.Equal("write", history["permissions"]!["contents"]!.GetValue<string>());
        Assert.Equal("read", Workflow("train,evaluate")["permissions"]!["contents"]!.GetValue<string>());
        Assert.Contains("gate-result", jobs["evaluate"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("lockstep record --history history/.lockstep/history artifacts/gate.json artifacts/model/report-card.json artifacts/events.jsonl", record, StringComparison.Ordinal);
        Assert.Contains("git push origin HEAD:lockstep-history", record, StringComparison.Ordinal);
        Assert.Contains("git rebase origin/lockstep-history", record, StringComparison.Ordinal);
        Assert.Null(Workflow("train,promote")["jobs"]!["history"]);
    }

    [Fact]
    public void The_azure_pipeline_publishes_the_history_and_pushes_it_only_when_asked()
    {
        var pipeline = YamlToJson.Convert(Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.Azure, Stages = PipelineStages.Parse("train,evaluate", "--stages") })
            .Single(f => f.Path == "azure-pipelines.yml").Content)!;
        var steps = pipeline["stages"]!.AsArray().Single(s => s!["stage"]!.GetValue<string>() == "Evaluate")!["jobs"]![0]!["steps"]!.AsArray();

        var publish = steps.Single(s => s!["task"]?.GetValue<string>() == "PublishPipelineArtifact@1")!;
        var push = steps.Single(s => s!["displayName"]?.GetValue<string>() == "Push the history to the lockstep-history branch")!;
        Assert.Equal("lockstep-history", publish["inputs"]!["artifact"]!.GetValue<string>());
        Assert.Equal("and(succeededOrFailed(), eq(variables['LOCKSTEP_PUSH_HISTORY'], 'true'))", push["condition"]!.GetValue<string>());
        Assert.Equal("false", pipeline["variables"]!["LOCKSTEP_PUSH_HISTORY"]!.GetValue<string>());
        Assert.Equal("true", steps[0]!["persistCredentials"]!.ToString());
    }

    [Fact]
    public void The_pull_request_check_gates_through_the_action_and_comments()
    {
        var files = Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.GitHub, Stages = ["validate"] });
        var steps = YamlToJson.Convert(files.Single(f => f.Path.EndsWith("lockstep-pr.yml", StringComparison.Ordinal)).Content)!["jobs"]!["validate"]!["steps"]!.AsArray();

        var gate = steps.Single(s => s!["uses"]?.GetValue<string>() == "lockstep-ml/lockstep@v1")!;
        Assert.Equal("${{ github.token }}", gate["with"]!["github-token"]!.GetValue<string>());
        Assert.Equal("artifacts/model/report-card.json", gate["with"]!["candidate"]!.GetValue<string>());
        Assert.Equal([".github/workflows/lockstep-pr.yml", "deploy/serve.sh"], files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_pull_request_check_gives_the_action_only_inputs_it_declares()
    {
        var action = YamlToJson.Convert(Repository.Read("action.yml"))!["inputs"]!.AsObject();
        var files = Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.GitHub, Stages = ["validate"] });
        var gate = YamlToJson.Convert(files.Single(f => f.Path.EndsWith("lockstep-pr.yml", StringComparison.Ordinal)).Content)!["jobs"]!["validate"]!["steps"]!.AsArray()
            .Single(s => s!["uses"]?.GetValue<string>() == PipelineModelAction)!;

        var unknown = gate["with"]!.AsObject().Select(i => i.Key).Where(name => !action.ContainsKey(name)).ToList();

        Assert.Empty(unknown);
        Assert.All(action.Where(i => i.Value!["required"]?.GetValue<bool>() == true), required => Assert.NotNull(gate["with"]![required.Key]));
    }

    private const string PipelineModelAction = Lockstep.Scaffolding.Models.PipelineModel.Action;

    private static JsonNode Workflow(string stages) => YamlToJson.Convert(Scaffolder.Pipelines(new PipelineOptions
    {
        Ci = CiTarget.GitHub,
        Stages = PipelineStages.Parse(stages, "--stages"),
    }).Single(f => f.Path.EndsWith("lockstep-delivery.yml", StringComparison.Ordinal)).Content)!;

    /// <summary>A workflow by GitHub's validators, azure-pipelines.yml against Azure's schema (plain scalars typed as YAML 1.2 does).</summary>
    internal static void AssertValid(GeneratedFile file)
    {
        if (file.Path.StartsWith(".github/", StringComparison.Ordinal))
        {
            GitHubYamlValidators.AssertValid(Path.GetFileName(file.Path), file.Content);
            return;
        }

        var results = JsonSchemas.AzurePipelines(YamlToJson.Convert(file.Content));
        Assert.True(results.IsValid, $"{file.Path} is not valid against the Azure Pipelines service schema");
        JsonSchemas.AssertValid(results);
    }
}
