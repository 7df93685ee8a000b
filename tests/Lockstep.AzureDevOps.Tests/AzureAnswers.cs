using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;

namespace Lockstep.AzureDevOps.Tests;

/// <summary>Azure DevOps REST answers written from the documented Git 7.1 API, in <c>Answers/</c> (see its README).</summary>
internal static class AzureAnswers
{
    /// <summary>The answer body in <c>Answers/<paramref name="file"/></c>, a fresh copy each time.</summary>
    public static JsonNode Read(string file) =>
        JsonNode.Parse(Repository.Read($"tests/Lockstep.AzureDevOps.Tests/Answers/{file}"))!;
}
