using Lockstep.Core.Dora;
using Lockstep.GitHub.Deliveries;

namespace Lockstep.GitHub.Tests.Deliveries;

public sealed class DeliveryCacheTests : IDisposable
{
    private static readonly Uri Api = new("https://api.github.com/");

    private readonly SourceFixture fixture = new();

    [Theory]
    [InlineData("{ not json", "cache not used: not a Lockstep cache (")]
    [InlineData("""{"schema":"lockstep.github-cache/v0"}""", "cache not used: schema 'lockstep.github-cache/v0', expected 'lockstep.github-cache/v1'; starting afresh")]
    [InlineData("""{"schema":"lockstep.github-cache/v1","api":"https://api.github.com/","repository":"other/repo"}""", "cache not used: it holds other/repo at https://api.github.com/; starting afresh")]
    public void A_cache_that_cannot_be_used_is_replaced_with_a_note(string json, string note)
    {
        var cache = DeliveryCacheJson.Load(json, Api, "octo-org/model-repo", out var why);

        Assert.StartsWith(note, why, StringComparison.Ordinal);
        Assert.Equal("octo-org/model-repo", cache.Repository);
        Assert.Empty(cache.Deployments);
    }

    [Fact]
    public void No_file_is_an_empty_cache_without_a_note()
    {
        var cache = DeliveryCacheJson.Load(null, Api, "octo-org/model-repo", out var note);

        Assert.Null(note);
        Assert.Equal(Api.AbsoluteUri, cache.Api);
    }

    [Fact]
    public async Task The_cache_keeps_answers_to_revalidate_and_facts_but_not_the_bodies_of_comparisons()
    {
        var t0 = SourceFixture.Now.AddDays(-3);
        var c1 = fixture.Repository.Commit(t0);
        fixture.Repository.Deploy(c1.Sha, "production", t0.AddHours(1), ("success", 1));
        var c2 = fixture.Repository.Commit(t0.AddHours(2));
        var c3 = fixture.Repository.Commit(t0.AddHours(3));
        fixture.Repository.Deploy(c3.Sha, "production", t0.AddHours(4), ("success", 1));

        await fixture.ReadAsync();
        var json = DeliveryCacheJson.Serialize(fixture.Cache);

        Assert.All(fixture.Cache.Responses.Keys, key => Assert.Matches("/(deployments|statuses|issues)\\?", key));
        Assert.Equal([c2.Sha, c3.Sha], fixture.Cache.Compares[$"{c1.Sha}...{c3.Sha}"].Select(c => c.Sha));
        Assert.Contains("\"compares\":{", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"files\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_with_a_nested_payload_is_read()
    {
        var t0 = SourceFixture.Now.AddDays(-3);
        var c1 = fixture.Repository.Commit(t0);
        fixture.Repository.Deployments.Add(new FakeDeployment(77, c1.Sha, "model-production", t0.AddHours(1))
        {
            Payload = """{"model_version":"1.4.0","stages":{"trained_at":"2026-11-20T00:00:00Z"},"replicas":3}""",
        });
        fixture.Repository.Deployments[^1].Statuses.Add(new FakeStatus(1, "success", t0.AddHours(2)));

        var history = await fixture.ReadAsync();

        Assert.Equal([(Lane.Model, "77")], history.Events.OfType<Deployment>().Select(d => (d.Lane, d.Id)));
    }

    public void Dispose() => fixture.Dispose();
}
