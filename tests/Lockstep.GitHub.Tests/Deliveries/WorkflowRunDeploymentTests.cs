using Lockstep.Core.Dora;

namespace Lockstep.GitHub.Tests.Deliveries;

/// <summary>Runs of named deploy workflows as the model lane's deployments, beside GitHub deployments for the code lane.</summary>
public sealed class WorkflowRunDeploymentTests : IDisposable
{
    private static readonly DateTimeOffset T0 = SourceFixture.Now.AddDays(-10);

    private readonly SourceFixture fixture = new();

    public WorkflowRunDeploymentTests() =>
        fixture.Dora = fixture.Dora with
        {
            DeployWorkflows = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = [], [Lane.Model] = ["deploy-model.yml"] },
        };

    private FakeRepository Repository => fixture.Repository;

    [Fact]
    public async Task Successful_and_failed_runs_are_deployments_and_other_runs_are_not()
    {
        var c1 = Repository.Commit(T0);
        var c2 = Repository.Commit(T0.AddDays(1));
        var c3 = Repository.Commit(T0.AddDays(2));
        Repository.Run("deploy-model.yml", c1.Sha, T0.AddHours(1), "completed", "success", 20);
        Repository.Run("deploy-model.yml", c2.Sha, T0.AddDays(1).AddHours(1), "completed", "failure", 5);
        Repository.Run("deploy-model.yml", c2.Sha, T0.AddDays(1).AddHours(2), "completed", "cancelled", 1);
        Repository.Run("deploy-model.yml", c3.Sha, T0.AddDays(2).AddHours(1), "completed", "success", 30);
        Repository.Run("ci.yml", c3.Sha, T0.AddDays(2), "completed", "success", 10);

        var history = await fixture.ReadAsync();

        var model = history.Events.OfType<Deployment>().Where(d => d.Lane == Lane.Model).ToList();
        Assert.Equal([DeploymentStatus.Success, DeploymentStatus.Failure, DeploymentStatus.Success], model.Select(d => d.Status));
        Assert.All(model, d => Assert.Equal("model-production", d.Environment));
        Assert.Equal(T0.AddHours(1).AddMinutes(20), model[0].FinishedAt);
        Assert.Equal([c2.Sha, c3.Sha], model[2].Commits.Select(c => c.Sha));
        Assert.DoesNotContain(fixture.GitHub.Requests, r => r.Contains("ci.yml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_in_progress_is_read_again_until_it_completes()
    {
        var c1 = Repository.Commit(T0);
        var c2 = Repository.Commit(T0.AddDays(1));
        Repository.Run("deploy-model.yml", c1.Sha, T0.AddHours(1), "completed", "success", 20);
        var running = Repository.Run("deploy-model.yml", c2.Sha, T0.AddDays(1), "in_progress", null, 3);
        for (var i = 0; i < 120; i++)
        {
            Repository.Run("deploy-model.yml", c2.Sha, T0.AddDays(2).AddMinutes(i), "completed", "skipped", 0);
        }

        var first = await fixture.ReadAsync();
        running.Status = "completed";
        running.Conclusion = "success";
        running.UpdatedAt = T0.AddDays(1).AddMinutes(40);
        var second = await fixture.ReadAgainAsync();

        Assert.Single(first.Events.OfType<Deployment>());
        Assert.Contains(second.Events, e => e is Deployment { Id: var id, Status: DeploymentStatus.Success } && id == $"{running.Id}");
        Assert.Contains($"GET /repos/octo-org/model-repo/actions/runs/{running.Id}", fixture.GitHub.Requests);
        Assert.Single(fixture.GitHub.Requests, r => r.Contains("deploy-model.yml/runs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lane_with_deploy_workflows_needs_an_environment_name_to_record_its_runs_under()
    {
        fixture.Dora = fixture.Dora with
        {
            Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = ["production"], [Lane.Model] = ["serving-*"] },
        };

        var error = await Assert.ThrowsAsync<Lockstep.Core.InputException>(fixture.ReadAsync);

        Assert.Equal(
            "lockstep.yml: dora.lanes.model.deploy_workflows: the runs need an environment to be recorded under: add a name without * to dora.lanes.model.environments",
            error.Message);
        Assert.Empty(fixture.GitHub.Requests);
    }

    public void Dispose() => fixture.Dispose();
}
