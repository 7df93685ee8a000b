using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;

namespace Lockstep.AzureDevOps.Tests;

/// <summary>The published Azure DevOps REST examples in the shared fixtures (<c>azure-devops/git/7.1/httpExamples</c>).</summary>
internal static class AzureExamples
{
    /// <summary>The <c>responses.200.body</c> of an example, a fresh copy each time.</summary>
    public static JsonNode GitResponse(string relative) =>
        JsonNode.Parse(SharedFixtures.Read($"azure-devops/git/7.1/httpExamples/{relative}"))!["responses"]!["200"]!["body"]!.DeepClone();
}
