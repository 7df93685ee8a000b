using System.Text.Json.Nodes;

namespace Lockstep.AzureDevOps.Tests;

/// <summary>The published Azure DevOps REST examples in the shared fixtures (<c>../shared/fixtures/azure-devops</c> beside the repository).</summary>
internal static class SharedFixtures
{
    private static readonly string Root = FindRoot();

    /// <summary>The <c>responses.200.body</c> of an httpExamples file under <c>git/7.1/httpExamples</c>.</summary>
    public static JsonNode GitExampleResponse(string relative)
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "git", "7.1", "httpExamples", relative)))!;
        return example["responses"]!["200"]!["body"]!.DeepClone();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sdk.sln")))
            {
                return Path.Combine(directory.FullName, "..", "shared", "fixtures", "azure-devops");
            }
        }

        throw new InvalidOperationException($"no Sdk.sln above {AppContext.BaseDirectory}");
    }
}
