using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Platform;

namespace Lockstep.AzureDevOps.Tests;

public class AzureTaskInputsTests
{
    [Fact]
    public void Inputs_are_read_as_task_lib_names_them_with_the_defaults_of_the_github_action()
    {
        var inputs = AzureTaskInputs.FromEnvironment(new Dictionary<string, string>
        {
            ["INPUT_CANDIDATE"] = "out/candidate.json",
            ["INPUT_DRIFT"] = "drift.json\nfreshness.json",
            ["INPUT_COMMENTMODE"] = "changes",
            ["INPUT_FAILON"] = "warn",
            ["INPUT_DORASOURCE"] = "azure-devops",
            ["INPUT_CODEENVIRONMENTS"] = "production, production-eu",
            ["INPUT_MODELPIPELINES"] = "deploy-model",
            ["INPUT_MODELINCIDENTTAG"] = "model-incident",
            ["INPUT_LANE"] = " ",
        });

        Assert.Equal(("lockstep.yml", "out/candidate.json", CommentMode.Changes, FailOn.Warn, Lane.Model, "lockstep"), (inputs.Policy, inputs.Candidate, inputs.CommentMode, inputs.FailOn, inputs.Lane, inputs.ReportId));
        Assert.Equal(["drift.json", "freshness.json"], inputs.Drift);
        Assert.Equal(["production", "production-eu"], inputs.Delivery!.Environments[Lane.Code]);
        Assert.Equal(["deploy-model"], inputs.Delivery.Pipelines[Lane.Model]);
        Assert.Equal("model-incident", Assert.Single(inputs.Delivery.IncidentTags).Value);
        Assert.Equal(90, inputs.DoraDays);
        Assert.Null(inputs.DashboardUrl);
    }

    [Fact]
    public void The_dashboard_address_is_read_from_dashboardUrl()
    {
        var inputs = AzureTaskInputs.FromEnvironment(new Dictionary<string, string> { ["INPUT_CANDIDATE"] = "c.json", ["INPUT_DASHBOARDURL"] = "https://dev.azure.com/fabrikam/_wiki/lockstep" });

        Assert.Equal(new Uri("https://dev.azure.com/fabrikam/_wiki/lockstep"), inputs.DashboardUrl);
    }

    [Theory]
    [InlineData("INPUT_FAILON", "sometimes", "task inputs: failOn: expected fail, warn or never, got 'sometimes'")]
    [InlineData("INPUT_COMMENTMODE", "loud", "task inputs: commentMode: expected always, changes, failures or off, got 'loud'")]
    [InlineData("INPUT_DORASOURCE", "azure-devops", "task inputs: doraSource: azure-devops needs at least one of codeEnvironments, modelEnvironments, codePipelines, modelPipelines")]
    [InlineData("INPUT_DORADAYS", "0", "task inputs: doraDays: expected a whole number of days from 1 to 3660, got '0'")]
    [InlineData("INPUT_DASHBOARDURL", "site/index.html", "task inputs: dashboardUrl: expected an absolute http or https address, got 'site/index.html'")]
    public void A_bad_input_is_one_line_naming_it(string name, string value, string message)
    {
        var error = Assert.Throws<InputException>(() => AzureTaskInputs.FromEnvironment(new Dictionary<string, string> { ["INPUT_CANDIDATE"] = "c.json", [name] = value }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_pipeline_context_names_the_pull_request_and_the_build()
    {
        var context = AzurePipelinesContext.FromEnvironment(new Dictionary<string, string>
        {
            ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/fabrikam/",
            ["SYSTEM_TEAMPROJECT"] = "Fabrikam Fiber",
            ["BUILD_REPOSITORY_ID"] = "3411ebc1-d5aa-464f-9615-0b527bc66719",
            ["BUILD_BUILDID"] = "4711",
            ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "22",
        })!;

        Assert.Equal(new PullRequestTarget("Fabrikam Fiber", "3411ebc1-d5aa-464f-9615-0b527bc66719", 22), context.PullRequest);
        Assert.Equal("https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_build/results?buildId=4711", context.BuildUrl!.AbsoluteUri);
        Assert.Null(AzurePipelinesContext.FromEnvironment(new Dictionary<string, string> { ["SYSTEM_TEAMPROJECT"] = "p" }));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("TfsGit", true)]
    [InlineData("tfsgit", true)]
    [InlineData("GitHub", false)]
    [InlineData("GitHubEnterprise", false)]
    [InlineData("Bitbucket", false)]
    public void Only_an_Azure_Repos_pull_request_is_one_to_comment_on(string? provider, bool azureRepos)
    {
        var environment = new Dictionary<string, string>
        {
            ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/fabrikam/",
            ["SYSTEM_TEAMPROJECT"] = "Fabrikam",
            ["BUILD_REPOSITORY_ID"] = "3411ebc1-d5aa-464f-9615-0b527bc66719",
            ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "22",
        };
        if (provider is not null)
        {
            environment["BUILD_REPOSITORY_PROVIDER"] = provider;
        }

        var context = AzurePipelinesContext.FromEnvironment(environment)!;

        Assert.Equal(azureRepos, context.PullRequest is not null);
        Assert.Equal(!azureRepos, context.ValidatesForeignPullRequest);
    }

    [Theory]
    [InlineData("my report")]
    [InlineData("report/1")]
    public void A_report_id_outside_the_allowed_characters_is_refused(string reportId)
    {
        var error = Assert.Throws<InputException>(() => AzureTaskInputs.FromEnvironment(new Dictionary<string, string>
        {
            ["INPUT_CANDIDATE"] = "candidate.json",
            ["INPUT_REPORTID"] = reportId,
        }));

        Assert.Equal($"task inputs: reportId: expected 1 to 64 letters, digits, '.', '_' or '-', got '{reportId}'", error.Message);
    }
}
