namespace Lockstep.Conventions.Tests;

/// <summary>The repository's own GitHub workflows are accepted by the field's validators.</summary>
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
    public void Workflow_is_accepted_by_action_validator_actionlint_and_GitHubs_parser(string file) =>
        GitHubYamlValidators.AssertValid(Repository.Path($".github/workflows/{file}"));

    [Fact]
    public void The_validators_refuse_what_GitHub_would_each_with_its_message()
    {
        var (exitCode, output) = GitHubYamlValidators.Validate("ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: nope\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("ci.yml: action-validator: /jobs/a/steps: The value must be array", output, StringComparison.Ordinal);
        Assert.Contains("ci.yml: actionlint: 5:12:", output, StringComparison.Ordinal);
        Assert.Contains("ci.yml: workflow-parser:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Actionlint_checks_what_the_schemas_cannot()
    {
        var (exitCode, output) = GitHubYamlValidators.Validate(
            "ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - run: echo ${{ github.nope.x }}\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("actionlint:", output, StringComparison.Ordinal);
        Assert.Contains("missing", output, StringComparison.Ordinal);
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
