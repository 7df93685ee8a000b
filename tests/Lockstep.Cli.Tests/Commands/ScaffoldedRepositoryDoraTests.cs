using Lockstep.Core.Dora;
using Lockstep.Core.Policy;
using Lockstep.GitHub.Tests.Deliveries;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>
/// A repository from <c>lockstep scaffold repo</c> gets DORA right from its first deployment: the deployments its own
/// delivery workflow makes, named as that workflow names their environments, land in the model lane when its own
/// policy is read, by the GitHub source and by <c>lockstep dora</c>. Nothing here repeats an environment name: they
/// are read from the generated files, so a template and a policy that part ways fail this test.
/// </summary>
public sealed class ScaffoldedRepositoryDoraTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly CliHarness cli = new();
    private readonly FakeRepository repository = new();
    private readonly FakeDeliveryHistory github;

    public ScaffoldedRepositoryDoraTests()
    {
        github = new FakeDeliveryHistory(repository);
        cli.Environment["GITHUB_TOKEN"] = "ghs_ScaffoldedRepositoryToken0123456789";
        cli.Environment["GITHUB_REPOSITORY"] = $"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}";
        cli.Environment["GITHUB_API_URL"] = github.ApiBase.ToString();
        var scaffold = cli.Run("scaffold", "repo", "--name", "ChurnModel", "--ci", "both", "--out", "repo");
        Assert.True(scaffold.ExitCode == 0, scaffold.ToString());
    }

    [Fact]
    public void The_delivery_workflow_s_model_deployments_are_the_model_lane_s()
    {
        var environments = JobEnvironments(cli.Read("repo/.github/workflows/lockstep-delivery.yml"), "jobs");

        // Two releases through the workflow's stages, each deployment to the environment its job names, and a model
        // incident a little after the second promotion.
        foreach (var day in new[] { 6, 2 })
        {
            var commit = repository.Commit(Now.AddDays(-day - 1));
            foreach (var job in new[] { "shadow", "canary", "promote" })
            {
                repository.Deploy(commit.Sha, environments[job], Now.AddDays(-day).AddHours(Array.IndexOf(["shadow", "canary", "promote"], job)), ("success", 10));
            }
        }

        repository.Issue(7, Now.AddDays(-2).AddHours(4), Now.AddDays(-2).AddHours(6), "model-incident");

        var events = cli.Run("events", "github", "--policy", "repo/lockstep.yml", "--since", "30d", "--out", "events.jsonl", "--cache", "cache.json");
        var dora = cli.Run("dora", "--events", "events.jsonl", "--policy", "repo/lockstep.yml", "--json", "dora.json");

        Assert.True(events.ExitCode == 0, events.ToString());
        Assert.DoesNotContain("note:", events.Error, StringComparison.Ordinal);
        Assert.True(dora.ExitCode == 0, dora.ToString());
        var report = DoraReportJson.Parse(cli.Read("dora.json"), "dora.json");
        var model = report.Lanes.Single(l => l.Lane == Lane.Model).Current;
        var code = report.Lanes.Single(l => l.Lane == Lane.Code).Current;
        var promotions = repository.Deployments.Where(d => d.Environment == environments["promote"]).Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(promotions.Order(), model.Evidence.Deployments.Order());
        Assert.Equal((1, 0.5), (model.FailedDeployments, model.ChangeFailureRate));
        Assert.Equal(0, code.Deployments);
        Assert.Empty(report.UnmatchedEnvironments);
    }

    [Fact]
    public void The_azure_pipeline_promotes_to_an_environment_the_policy_counts_for_the_model_lane_only()
    {
        var promote = JobEnvironments(cli.Read("repo/azure-pipelines.yml"), "stages")["Promote"];
        var dora = PolicyReader.ReadDora(cli.Read("repo/lockstep.yml"), "lockstep.yml");

        Assert.True(dora.CountsAsProduction(Lane.Model, promote), $"the model lane does not count '{promote}'");
        Assert.False(dora.CountsAsProduction(Lane.Code, promote), $"the code lane counts '{promote}' too");
    }

    public void Dispose()
    {
        github.Dispose();
        cli.Dispose();
    }

    /// <summary>
    /// The environment of each job that has one, by job id: GitHub's <c>jobs.&lt;id&gt;.environment</c>, or the
    /// <c>environment</c> of an Azure Pipelines deployment job, by the job's name.
    /// </summary>
    private static Dictionary<string, string> JobEnvironments(string yaml, string root)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var document = (YamlMappingNode)stream.Documents[0].RootNode;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root == "jobs")
        {
            foreach (var (id, job) in (YamlMappingNode)document[root])
            {
                if (((YamlMappingNode)job).Children.TryGetValue("environment", out var environment))
                {
                    found[((YamlScalarNode)id).Value!] = Name(environment);
                }
            }

            return found;
        }

        foreach (var stage in ((YamlSequenceNode)document[root]).Cast<YamlMappingNode>())
        {
            foreach (var job in ((YamlSequenceNode)stage["jobs"]).Cast<YamlMappingNode>())
            {
                if (job.Children.TryGetValue("deployment", out var name) && job.Children.TryGetValue("environment", out var environment))
                {
                    found[((YamlScalarNode)name).Value!] = Name(environment);
                }
            }
        }

        return found;
    }

    // An environment is a name, or a mapping with one.
    private static string Name(YamlNode environment) =>
        environment is YamlMappingNode mapping ? ((YamlScalarNode)mapping["name"]).Value! : ((YamlScalarNode)environment).Value!;
}
