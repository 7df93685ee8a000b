using System.Text.RegularExpressions;

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
    public void The_release_tests_then_runs_the_release_script_for_real_then_moves_the_major_tag()
    {
        var steps = Steps("release.yml", "release");
        int Index(string text) => steps.FindIndex(step => step.Contains(text, StringComparison.Ordinal));

        Assert.True(Index("run: .ci/run") >= 0, "the release runs .ci/run");
        Assert.True(Index("run: build/release.sh --tag") > Index("run: .ci/run"), "the release script runs after the tests");
        Assert.True(Index("git push --force origin \"v$MAJOR\"") > Index("run: build/release.sh --tag"), "the major tag moves after everything is published");
        Assert.True(Index("s/^  image: //p' action.yml") is >= 0 && Index("s/^  image: //p' action.yml") < Index("run: .ci/run"), "action.yml's image is checked before anything runs");
        Assert.DoesNotContain(steps, step => step.Contains("--dry-run", StringComparison.Ordinal));
    }

    [Fact]
    public void The_release_packs_a_native_package_on_a_runner_of_each_RID_the_tool_names()
    {
        var rids = Regex.Match(Repository.Read("src/Lockstep.Cli/Lockstep.Cli.csproj"), "<ToolPackageRuntimeIdentifiers>(.+?)</").Groups[1].Value.Split(';');
        var matrix = Regex.Matches(Repository.Read(".github/workflows/release.yml"), @"- \{ rid: (\S+), os: \S+ \}").Select(m => m.Groups[1].Value);

        Assert.Equal(rids.Where(rid => rid != "any").Order(StringComparer.Ordinal), matrix.Order(StringComparer.Ordinal));
        Assert.Contains(Steps("release.yml", "native"), step => step.Contains("run: build/release.sh --dry-run --only native", StringComparison.Ordinal));
        Assert.Contains(Steps("release.yml", "release"), step => step.Contains("--native-from artifacts/native", StringComparison.Ordinal));
    }

    [Fact]
    public void CI_runs_the_release_script_dry_and_both_action_variants_on_the_demos_inputs()
    {
        var ci = Repository.Read(".github/workflows/ci.yml");

        Assert.Contains(Steps("ci.yml", "release-dry-run"), step => step.Contains("run: build/release.sh --dry-run", StringComparison.Ordinal));
        var dockerfile = Steps("ci.yml", "action-dockerfile");
        var rewrite = dockerfile.FindIndex(step => step.Contains("image: action/Dockerfile#' action.yml", StringComparison.Ordinal));
        Assert.True(rewrite >= 0 && dockerfile.FindIndex(step => step.Contains("uses: ./\n", StringComparison.Ordinal)) > rewrite, "the local action runs after image: points at action/Dockerfile");
        Assert.Contains(Steps("ci.yml", "action-composite"), step => step.Contains("uses: ./composite\n", StringComparison.Ordinal));
        Assert.Contains("os: [windows-latest, macos-latest]", ci, StringComparison.Ordinal);
        Assert.Equal(2, ci.Split("candidate: candidate-pass.json").Length - 1);
        Assert.True(File.Exists(Repository.Path("src/Lockstep.Cli/Demo/candidate-pass.json")));
    }

    /// <summary>A job's steps as text, in order (each from its "- " line to the next).</summary>
    private static List<string> Steps(string workflow, string job)
    {
        var text = Repository.Read($".github/workflows/{workflow}");
        var start = text.IndexOf($"\n  {job}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{workflow} has no job {job}");
        var end = text.IndexOf("\n  ", start + job.Length + 4, StringComparison.Ordinal);
        while (end >= 0 && text[end + 3] == ' ')
        {
            end = text.IndexOf("\n  ", end + 1, StringComparison.Ordinal);
        }

        var body = end < 0 ? text[start..] : text[start..end];
        return [.. body.Split("\n      - ").Skip(1)];
    }
}
