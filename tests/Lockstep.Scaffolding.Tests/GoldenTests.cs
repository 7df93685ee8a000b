using Lockstep.Scaffolding.Engine;
using Lockstep.Tests.Shared;

namespace Lockstep.Scaffolding.Tests;

/// <summary>Every built-in template against its checked-in rendering (LOCKSTEP_UPDATE_GOLDEN=1 rewrites them).</summary>
public class GoldenTests
{
    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    [Theory]
    [InlineData("candidate-fail.json", true, "model-card.fail-with-gate.md")]
    [InlineData("candidate-pass.json", false, "model-card.pass-with-policy.md")]
    public void Model_card(string candidate, bool withGate, string golden)
    {
        var card = Scaffolder.ModelCard(Samples.Card(candidate), withGate ? Samples.GateOn(candidate) : null, withGate ? null : Samples.DemoPolicy());

        GoldenFile.AssertMatches(golden, card.Content);
    }

    [Fact]
    public void Model_card_before_the_first_report_card()
    {
        GoldenFile.AssertMatches("model-card.placeholder.md", Scaffolder.ModelCardPlaceholder("ChurnModel", ModelTasks.BinaryClassification).Content);
    }

    [Theory]
    [InlineData(ModelTasks.BinaryClassification, true, "lockstep.binary-classification.yml")]
    [InlineData(ModelTasks.Regression, false, "lockstep.regression.yml")]
    public void Policy(string task, bool firstModelAllowed, string golden)
    {
        GoldenFile.AssertMatches(golden, Scaffolder.Policy(task, firstModelAllowed).Content);
    }

    [Fact]
    public void Runbook_of_the_demo_policy()
    {
        GoldenFile.AssertMatches("runbook.demo.md", Scaffolder.Runbook(Samples.DemoPolicy(), "lockstep.yml").Content);
    }

    [Fact]
    public void Pipelines_with_every_stage()
    {
        var files = Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.Both, ModelName = "ChurnModel", TrainingProject = "src/ChurnModel.Training" });

        Assert.Equal(
            [
                ".github/workflows/lockstep-pr.yml", ".github/workflows/lockstep-delivery.yml", ".github/workflows/lockstep-monitor.yml", ".github/workflows/lockstep-retrain.yml",
                ".github/workflows/lockstep-drill.yml", "azure-pipelines.yml", "azure-pipelines-monitor.yml", "azure-pipelines-retrain.yml", "azure-pipelines-drill.yml",
                "deploy/serve.sh",
            ],
            files.Select(f => f.Path));
        foreach (var file in files)
        {
            GoldenFile.AssertMatches("pipeline." + file.Path.Replace('/', '.').TrimStart('.'), file.Content);
        }
    }
}
