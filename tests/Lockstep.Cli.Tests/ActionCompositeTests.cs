namespace Lockstep.Cli.Tests;

/// <summary>
/// The composite action: its entrypoint step's script under bash, with the step's env as composite/action.yml maps it
/// (each <c>${{ inputs.x }}</c> the workflow's input or the declared default, the tool's folder from the step that
/// installed it) and the tool that composite/action.yml's own steps installed.
/// </summary>
public sealed class ActionCompositeTests(CompositeActionTool tool) : ActionEntrypointTests, IClassFixture<CompositeActionTool>
{
    [Fact]
    public void Once_the_tool_is_there_no_step_installs_it_or_sets_up_dotnet_again() =>
        Assert.Equal(
            new Dictionary<string, string> { ["installed"] = "true", ["setup-dotnet"] = "false" },
            tool.RunForOutputs(CompositeActionSteps.Step("need"), tool.Outputs));

    [Fact]
    public void Without_the_tool_the_install_runs_with_the_SDK_already_on_the_runner()
    {
        var empty = new Dictionary<string, string>(tool.Outputs) { ["steps.tool.outputs.dir"] = Path.Combine(Home, "no-tool-here") };

        Assert.Equal(
            new Dictionary<string, string> { ["installed"] = "false", ["setup-dotnet"] = "false" },
            tool.RunForOutputs(CompositeActionSteps.Step("need"), empty));
    }

    protected override (string File, IReadOnlyList<string> Arguments, IEnumerable<(string Name, string Value)> Environment) Start(IReadOnlyDictionary<string, string> inputs)
    {
        var gate = CompositeActionSteps.Step("gate");
        var expressions = CompositeActionSteps.Inputs(inputs).Concat(tool.Outputs).ToDictionary();
        var bash = CompositeActionSteps.Bash(gate, string.Empty);

        return (bash.FileName, [.. bash.ArgumentList], [
            ("PATH", SystemPath),
            ("DOTNET_ROOT", DotnetRoot),
            ("HOME", Home),
            .. CompositeActionSteps.Environment(gate, expressions),
        ]);
    }
}
