using System.Security.Cryptography;
using System.Text;
using Lockstep.Core;
using Lockstep.Core.Pinning;
using Lockstep.Core.Policy;
using Lockstep.Scaffolding.Engine;
using Lockstep.Tests.Shared;

namespace Lockstep.Scaffolding.Tests;

public class RepositoryScaffoldTests
{
    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    [Theory]
    [InlineData(CiTarget.GitHub, ModelTasks.BinaryClassification)]
    [InlineData(CiTarget.Both, ModelTasks.Regression)]
    public void Every_starter_file_matches_its_golden_file(CiTarget ci, string task)
    {
        var files = RepositoryScaffold.Render(Scaffolder, new RepositoryOptions { Name = "ChurnModel", Task = task, Ci = ci, CanaryPercent = 10 });

        foreach (var file in files.Where(f => f.Path != SyntheticDataset.Path))
        {
            // ".golden": a golden Program.cs must not be compiled into this project.
            GoldenFile.AssertMatches($"repo.{CiTargets.Name(ci)}-{task}.{file.Path.Replace('/', '.')}.golden", file.Content);
        }
    }

    [Theory]
    [InlineData(CiTarget.GitHub, new[] { ".github/workflows/lockstep-pr.yml", ".github/workflows/lockstep-delivery.yml", ".github/workflows/lockstep-monitor.yml", ".github/workflows/lockstep-retrain.yml" }, new[] { "azure-pipelines.yml", "azure-pipelines-monitor.yml" })]
    [InlineData(CiTarget.Azure, new[] { "azure-pipelines.yml", "azure-pipelines-monitor.yml", "azure-pipelines-retrain.yml" }, new[] { ".github/workflows/lockstep-pr.yml", ".github/workflows/lockstep-monitor.yml" })]
    [InlineData(CiTarget.Both, new[] { ".github/workflows/lockstep-pr.yml", ".github/workflows/lockstep-retrain.yml", "azure-pipelines.yml", "azure-pipelines-retrain.yml" }, new string[0])]
    public void The_ci_option_chooses_the_pipelines(CiTarget ci, string[] present, string[] absent)
    {
        var paths = RepositoryScaffold.Render(Scaffolder, new RepositoryOptions { Name = "M", Ci = ci }).Select(f => f.Path).ToList();

        Assert.All(present, path => Assert.Contains(path, paths));
        Assert.All(absent, path => Assert.DoesNotContain(path, paths));
        Assert.Contains("deploy/serve.sh", paths);
    }

    [Fact]
    public void The_data_is_the_same_every_time_and_pinned_by_its_digest()
    {
        var files = RepositoryScaffold.Render(Scaffolder, new RepositoryOptions { Name = "M" });
        var data = files.Single(f => f.Path == SyntheticDataset.Path).Content;
        var pin = DataLockJson.Parse(files.Single(f => f.Path == DataLockFile.FileName).Content, "data.lock.json").Files[SyntheticDataset.Path];

        Assert.Equal(SyntheticDataset.Csv(ModelTasks.BinaryClassification), data);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(data))), pin.Sha256);
        Assert.Equal(Encoding.UTF8.GetByteCount(data), pin.Size);
        var rows = data.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SyntheticDataset.Rows + 1, rows.Length);
        Assert.Equal("tenure_months,monthly_charges,support_calls,contract,region,churned", rows[0]);
        var churned = rows.Skip(1).Count(r => r.EndsWith(",true", StringComparison.Ordinal)) / (double)SyntheticDataset.Rows;
        Assert.InRange(churned, 0.2, 0.8);
    }

    [Theory]
    [InlineData(ModelTasks.BinaryClassification, true)]
    [InlineData(ModelTasks.Regression, false)]
    public void The_generated_policy_parses_and_its_runbook_asks_the_most_severe_question_first(string task, bool firstModelAllowed)
    {
        var file = Scaffolder.Policy(task, firstModelAllowed);

        var policy = PolicyReader.Parse(file.Content, file.Path);

        Assert.Equal(firstModelAllowed ? FirstModelRule.Allow : FirstModelRule.Fail, policy.FirstModel);
        Assert.Equal(42, policy.Seed);
        Assert.Equal(("drift-rollback", RunbookAction.Rollback, 0.25), (policy.Gates[0].Id, policy.Gates[0].Action, policy.Gates[0].Max!.Value));
        var regression = policy.Gates.Single(g => g.MaxRegression is not null);
        Assert.Equal((task == ModelTasks.Regression ? "rmse" : "auc", RunbookAction.Page, "3%"), (regression.Metric, regression.Action, regression.MaxRegression!.Value.ToString()));
        var runbook = Scaffolder.Runbook(policy, file.Path).Content;
        Assert.Contains("1. **Is drift.psi.max above 0.25?** Roll back.", runbook, StringComparison.Ordinal);
        Assert.True(runbook.IndexOf("Page the on-call.", StringComparison.Ordinal) < runbook.IndexOf("Merge with care.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_starter_pins_the_test_packages_this_repository_tests_with()
    {
        var packages = Samples.Read("Directory.Packages.props");

        Assert.Contains($"\"Microsoft.NET.Test.Sdk\" Version=\"{StarterPackages.TestSdk}\"", packages, StringComparison.Ordinal);
        Assert.Contains($"\"xunit\" Version=\"{StarterPackages.Xunit}\"", packages, StringComparison.Ordinal);
        Assert.Contains($"\"xunit.runner.visualstudio\" Version=\"{StarterPackages.XunitRunner}\"", packages, StringComparison.Ordinal);
        Assert.Contains($"\"Microsoft.ML\" Version=\"{StarterPackages.MicrosoftMl}\"", packages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Churn Model", "--name")]
    [InlineData("1st", "--name")]
    public void A_name_that_is_not_an_identifier_is_refused(string name, string field)
    {
        var error = Assert.Throws<InputException>(() => RepositoryScaffold.Render(Scaffolder, new RepositoryOptions { Name = name }));

        Assert.Equal(field, error.InputName);
    }

    [Theory]
    [InlineData("ChurnModel", "churnmodel")]
    [InlineData("Churn Model: v2 {{ x }}", "churn-model-v2-x")]
    [InlineData("${{ secrets.X }}", "secrets.x")]
    [InlineData("!!!", "model")]
    [InlineData("An extremely long model name that goes on and on well past sixty-four characters", "an-extremely-long-model-name-that-goes-on-and-on-well-past-sixty")]
    public void The_slug_keeps_only_what_needs_no_quoting(string name, string slug)
    {
        Assert.Equal(slug, ModelSlug.From(name));
    }
}
