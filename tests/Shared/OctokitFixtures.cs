using System.Text.Json.Nodes;

namespace Lockstep.Tests.Shared;

/// <summary>
/// Exchanges with api.github.com recorded by octokit/fixtures (npm <c>@octokit/fixtures</c>, MIT): each a request
/// (<c>method</c>, <c>path</c>) and GitHub's answer (<c>status</c>, <c>headers</c>, <c>response</c>).
/// </summary>
internal static class OctokitFixtures
{
    /// <summary>The exchanges of a scenario (a folder of <c>scenarios/api.github.com</c>), in order.</summary>
    public static IReadOnlyList<JsonObject> Exchanges(string scenario) =>
        JsonNode.Parse(File.ReadAllText(TestNpmPackages.Path("@octokit/fixtures", $"scenarios/api.github.com/{scenario}/normalized-fixture.json")))!
            .AsArray().Select(exchange => exchange!.AsObject()).ToList();
}
