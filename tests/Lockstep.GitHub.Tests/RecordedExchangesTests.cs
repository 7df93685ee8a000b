using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;

namespace Lockstep.GitHub.Tests;

/// <summary>The stand-in GitHub answers as the real one did in octokit/fixtures' recorded exchanges.</summary>
public class RecordedExchangesTests
{
    [Fact]
    public void Every_pages_Link_header_is_the_one_GitHub_sent()
    {
        var recorded = OctokitFixtures.Exchanges("paginate-issues");

        Assert.Equal(5, recorded.Count);
        for (var page = 1; page <= recorded.Count; page++)
        {
            var links = LoopbackServer.Links(page, recorded.Count, p => $"https://api.github.com/repositories/1000/issues?per_page=3&page={p}");

            Assert.Equal(recorded[page - 1]["headers"]!["link"]!.GetValue<string>(), links);
        }
    }

    [Theory]
    [InlineData("not-found.json")]
    [InlineData("forbidden-integration.json")]
    [InlineData("rate-limit-primary.json")]
    [InlineData("rate-limit-secondary.json")]
    public void Error_bodies_carry_the_fields_of_GitHubs_recorded_error(string file)
    {
        var recorded = OctokitFixtures.Exchanges("errors").Single(e => e["status"]!.GetValue<int>() >= 400)["response"]!.AsObject();
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)))!.AsObject();

        Assert.All(["message", "documentation_url"], field => Assert.True(recorded.ContainsKey(field) && body.ContainsKey(field), field));
        Assert.StartsWith("https://docs.github.com/rest/", body["documentation_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
