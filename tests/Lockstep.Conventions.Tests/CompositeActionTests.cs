using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lockstep.Conventions.Tests;

/// <summary>
/// composite/action.yml (<c>lockstep-ml/lockstep/composite@v1</c>, for runners without Docker) is the container
/// action with another way to start: the same inputs and outputs, every input handed to the same entrypoint as the
/// INPUT_ variable a container action gets, and the tool of the product version.
/// </summary>
public partial class CompositeActionTests
{
    private static readonly JsonNode Container = YamlToJson.Convert(Repository.Read("action.yml"))!;

    private static readonly JsonNode Composite = YamlToJson.Convert(Repository.Read("composite/action.yml"))!;

    private static JsonArray Steps => Composite["runs"]!["steps"]!.AsArray();

    private static JsonNode Step(string id) => Steps.Single(step => step!["id"]?.GetValue<string>() == id)!;

    [Fact]
    public void Composite_action_yml_is_accepted_by_action_validator_and_GitHubs_parser() =>
        GitHubYamlValidators.AssertValid(Repository.Path("composite/action.yml"));

    [Fact]
    public void It_declares_the_container_actions_inputs_with_the_same_required_defaults_and_descriptions() =>
        Assert.Equal(Container["inputs"]!.ToJsonString(), Composite["inputs"]!.ToJsonString());

    [Fact]
    public void It_declares_the_container_actions_outputs_with_the_same_descriptions()
    {
        var declared = Composite["outputs"]!.AsObject().Select(o => (o.Key, o.Value!["description"]!.GetValue<string>()));

        Assert.Equal(Container["outputs"]!.AsObject().Select(o => (o.Key, o.Value!["description"]!.GetValue<string>())), declared);
    }

    [Fact]
    public void Each_output_is_the_entrypoint_steps_output_of_that_name()
    {
        var wrong = Composite["outputs"]!.AsObject()
            .Where(o => o.Value!["value"]!.GetValue<string>() != $"${{{{ steps.gate.outputs.{o.Key} }}}}")
            .Select(o => o.Key);

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_entrypoint_step_gets_every_input_as_its_INPUT_variable_and_no_other()
    {
        var expected = Composite["inputs"]!.AsObject().Select(input => ($"INPUT_{input.Key.ToUpperInvariant()}", $"${{{{ inputs.{input.Key} }}}}"));
        var passed = Step("gate")["env"]!.AsObject().Where(v => v.Key.StartsWith("INPUT_", StringComparison.Ordinal)).Select(v => (v.Key, v.Value!.GetValue<string>()));

        Assert.Equal(expected, passed);
    }

    [Fact]
    public void The_entrypoint_step_runs_the_installed_tools_github_action_command() =>
        Assert.Matches(@"(?m)^""\$tool/lockstep"" github-action$", Step("gate")["run"]!.GetValue<string>());

    [Fact]
    public void It_installs_the_product_version_of_the_tool() =>
        Assert.Equal(ProductVersion.Value, Step("tool")["env"]!["LOCKSTEP_VERSION"]!.GetValue<string>());

    [Fact]
    public void The_install_is_cached_per_os_architecture_and_version()
    {
        var cache = Steps.Single(step => step!["uses"]?.GetValue<string>().StartsWith("actions/cache@", StringComparison.Ordinal) == true)!;

        Assert.Equal("${{ steps.tool.outputs.dir }}\n!${{ steps.tool.outputs.dir }}/.store/**/*.nupkg\n", cache["with"]!["path"]!.GetValue<string>());
        Assert.Equal("lockstep-tool-${{ runner.os }}-${{ runner.arch }}-${{ steps.tool.outputs.version }}", cache["with"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public void Every_script_runs_in_bash_the_shell_every_hosted_runner_has()
    {
        var scripts = Steps.Where(step => step!["run"] is not null).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, step => Assert.Equal("bash", step!["shell"]?.GetValue<string>()));
    }

    [Fact]
    public void The_validators_refuse_a_composite_step_without_its_shell()
    {
        var (exitCode, output) = GitHubYamlValidators.Validate("action.yml", ShellLine().Replace(Repository.Read("composite/action.yml"), string.Empty, 1));

        Assert.Equal(1, exitCode);
        Assert.Contains("shell", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^      shell: bash\n")]
    private static partial Regex ShellLine();
}
