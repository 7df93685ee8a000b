using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.GitHub.Deliveries;

namespace Lockstep.GitHub.Tests.Deliveries;

public sealed class LaneRoutesTests : IDisposable
{
    private static readonly DateTimeOffset T0 = SourceFixture.Now.AddDays(-10);

    private readonly SourceFixture fixture = new();

    [Fact]
    public async Task With_the_default_environments_deployments_are_the_code_lanes_read_from_one_listing_and_a_note_says_so()
    {
        fixture.Dora = new DoraSettings();
        var c1 = fixture.Repository.Commit(T0);
        fixture.Repository.Deploy(c1.Sha, "production", T0.AddHours(1), ("success", 1));
        fixture.Repository.Deploy(c1.Sha, "prod-eu", T0.AddHours(2), ("success", 1));
        fixture.Repository.Deploy(c1.Sha, "preprod", T0.AddHours(3), ("success", 1));

        var history = await fixture.ReadAsync();

        Assert.Equal([(Lane.Code, "production"), (Lane.Code, "prod-eu")], history.Events.OfType<Deployment>().Select(d => (d.Lane, d.Environment)));
        Assert.Single(fixture.GitHub.Requests, r => r.Contains("/deployments?", StringComparison.Ordinal));
        Assert.Contains("GET /repos/octo-org/model-repo/deployments?per_page=100", fixture.GitHub.Requests);
        Assert.Contains(history.Notes, n => n.StartsWith("GitHub deployments count for the code lane: the model lane names the same environments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deployment_whose_environment_matches_both_lanes_is_an_error()
    {
        fixture.Dora = new DoraSettings
        {
            Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = ["production-*"], [Lane.Model] = ["*-model"] },
        };
        var c1 = fixture.Repository.Commit(T0);
        fixture.Repository.Deploy(c1.Sha, "production-model", T0.AddHours(1), ("success", 1));

        var error = await Assert.ThrowsAsync<InputException>(fixture.ReadAsync);

        Assert.Equal(
            "lockstep.yml: dora.lanes: GitHub deployment 1000 to 'production-model' matches the environments of both lanes; give the code and model lanes environments that do not overlap",
            error.Message);
    }

    [Theory]
    [InlineData("success@0 in_progress@1", "success@0")]
    [InlineData("pending@0 success@5", "success@5")]
    [InlineData("error@2 success@9", "success@9")]
    [InlineData("success@5 inactive@60", "success@5")]
    [InlineData("success@5 failure@30", "rolled_back@5")]
    [InlineData("failure@3", "failure@3")]
    [InlineData("queued@0 error@4", "failure@4")]
    [InlineData("inactive@9", null)]
    [InlineData("", null)]
    public void A_deployments_statuses_become_its_outcome(string statuses, string? expected)
    {
        var start = T0;
        var parsed = statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((s, i) => (State: s.Split('@')[0], At: start.AddMinutes(int.Parse(s.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture)), Id: (long)i))
            .Reverse();

        var (status, finished) = DeploymentOutcome.From(parsed);

        Assert.Equal(expected, status is null ? null : $"{status}@{(finished!.Value - start).TotalMinutes}");
    }

    public void Dispose() => fixture.Dispose();
}
