namespace Lockstep.Conventions.Tests;

/// <summary>The repository's own GitHub workflows are valid against GitHub's workflow schema.</summary>
public class WorkflowTests
{
    public static TheoryData<string> Workflows()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.Path(".github/workflows"), "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_is_valid_against_GitHubs_schema(string file)
    {
        JsonSchemas.AssertValid(JsonSchemas.Platform("github-workflow.json", YamlToJson.Convert(Repository.Read($".github/workflows/{file}"))));
    }

    [Fact]
    public void CI_runs_the_repositorys_own_entry_point() =>
        Assert.Contains("run: .ci/run", Repository.Read(".github/workflows/ci.yml"), StringComparison.Ordinal);

    [Fact]
    public void The_release_builds_the_image_from_the_actions_Dockerfile_context_with_the_packed_tool()
    {
        var release = Repository.Read(".github/workflows/release.yml");

        Assert.Contains("-o action/packages", release, StringComparison.Ordinal);
        Assert.Contains("context: action\n", release, StringComparison.Ordinal);
        Assert.Contains("run: .ci/run", release, StringComparison.Ordinal);
    }
}
