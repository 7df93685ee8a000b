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
    public void The_native_tool_runs_on_a_runner_without_NET()
    {
        var noDotnet = Directory.CreateTempSubdirectory("lockstep-no-dotnet-").FullName;
        try
        {
            // A dotnet that lists no runtime and no SDK, first on the path.
            File.WriteAllText(Path.Combine(noDotnet, "dotnet"), "#!/bin/sh\nexit 0\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(noDotnet, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }


            Assert.Equal(
                new Dictionary<string, string> { ["installed"] = "true", ["setup-dotnet"] = "false" },
                tool.RunForOutputs(CompositeActionSteps.Step("need"), tool.Outputs, ("PATH", $"{noDotnet}:{SystemPath}")));
        }
        finally
        {
            Directory.Delete(noDotnet, recursive: true);
        }
    }

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
