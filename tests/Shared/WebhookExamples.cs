using System.Text.Json.Nodes;

namespace Lockstep.Tests.Shared;

/// <summary>
/// GitHub's webhook payload examples as octokit/webhooks publishes them (npm <c>@octokit/webhooks-examples</c>, MIT):
/// the payloads GitHub sends, which is also the shape of the file at <c>GITHUB_EVENT_PATH</c>, and whose nested
/// objects (deployment, issue, pull request, workflow run) have the REST answers' shapes.
/// </summary>
internal static class WebhookExamples
{
    private static readonly Lazy<JsonArray> Events = new(() =>
        JsonNode.Parse(File.ReadAllText(TestNpmPackages.Path("@octokit/webhooks-examples", "api.github.com/index.json")))!.AsArray());

    /// <summary>
    /// The <paramref name="occurrence"/>-th example (from 0) of <paramref name="eventName"/> with that
    /// <paramref name="action"/> (<c>null</c> for events without one, such as <c>push</c>), a fresh copy each time.
    /// </summary>
    public static JsonNode Payload(string eventName, string? action, int occurrence = 0)
    {
        var examples = Events.Value.Single(e => e!["name"]!.GetValue<string>() == eventName)!["examples"]!.AsArray()
            .Where(e => e!["action"]?.GetValue<string>() == action)
            .ToList();
        return occurrence < examples.Count
            ? examples[occurrence]!.DeepClone()
            : throw new ArgumentOutOfRangeException(nameof(occurrence), $"{eventName}.{action} has {examples.Count} examples");
    }

    /// <summary>The payload as the JSON text GitHub would write to <c>GITHUB_EVENT_PATH</c>.</summary>
    public static string Text(string eventName, string? action, int occurrence = 0) => Payload(eventName, action, occurrence).ToJsonString();
}
