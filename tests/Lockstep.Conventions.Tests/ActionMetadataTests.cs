using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lockstep.GitHub;

namespace Lockstep.Conventions.Tests;

/// <summary>
/// action.yml, the action's Dockerfile and the entrypoint agree with each other and with GitHub's validators. The
/// runner pulls the image the release built; the Dockerfile it was built from is checked here and run by CI.
/// </summary>
public partial class ActionMetadataTests
{
    private static readonly JsonNode Action = YamlToJson.Convert(Repository.Read("action.yml"))!;

    private static readonly string Dockerfile = Repository.Read("action/Dockerfile");

    [Fact]
    public void Action_yml_is_accepted_by_action_validator_and_GitHubs_parser() =>
        GitHubYamlValidators.AssertValid(Repository.Path("action.yml"));

    [Fact]
    public void The_validators_refuse_a_docker_action_without_its_image()
    {
        var (exitCode, output) = GitHubYamlValidators.Validate("action.yml", ImageLine().Replace(Repository.Read("action.yml"), string.Empty));

        Assert.Equal(1, exitCode);
        Assert.Contains("action-validator: /runs/image", output, StringComparison.Ordinal);
        Assert.Contains("workflow-parser:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inputs_are_the_ones_the_entrypoint_reads_in_the_same_order() =>
        Assert.Equal(ActionInputs.Names, Action["inputs"]!.AsObject().Select(input => input.Key));

    [Fact]
    public void The_token_defaults_to_the_workflows_token() =>
        Assert.Equal("${{ github.token }}", Action["inputs"]!["github-token"]!["default"]!.GetValue<string>());

    [Fact]
    public void The_outputs_are_the_documented_ones()
    {
        var documented = Repository.Read("docs/github-action.md");

        var missing = Action["outputs"]!.AsObject().Select(o => o.Key).Where(name => !documented.Contains($"| `{name}` |", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_action_runs_the_released_image_of_the_product_version()
    {
        Assert.Equal("docker", Action["runs"]!["using"]!.GetValue<string>());
        Assert.Equal($"docker://ghcr.io/lockstep-ml/lockstep:{ProductVersion.Value}", Action["runs"]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void The_image_is_multi_stage_runs_as_root_and_enters_the_action_command()
    {
        Assert.True(FromLine().Count(Dockerfile) >= 2, "expected a build stage and a runtime stage");
        Assert.Matches(@"(?m)^USER (root|0(:0)?)\s*$", Dockerfile);
        Assert.Contains("ENTRYPOINT [\"/lockstep/lockstep\", \"github-action\"]", Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?im)^\s*(ARG|ENV)\s+\S*(TOKEN|SECRET|PASSWORD)", Dockerfile);
    }

    [Fact]
    public void The_image_is_the_native_executable_alone_on_chiseled_runtime_deps()
    {
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/runtime-deps:10\.0-noble-chiseled\s*$", Dockerfile);
        Assert.Contains("cp -L /tool/lockstep /lockstep/lockstep", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /lockstep /lockstep\n", Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^ENV ", Dockerfile);
    }

    [Fact]
    public void The_image_installs_the_version_this_repository_builds()
    {
        Assert.Contains($"ARG LOCKSTEP_VERSION={ProductVersion.Value}\n", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_holds_only_the_Dockerfile_and_the_packed_tool() =>
        Assert.Equal(["*", "!Dockerfile", "!packages/"], Repository.Read("action/.dockerignore").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));

    [GeneratedRegex(@"(?m)^FROM\s")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"(?m)^  image: .*\n")]
    private static partial Regex ImageLine();
}
