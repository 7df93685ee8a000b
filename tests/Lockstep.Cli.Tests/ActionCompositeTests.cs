namespace Lockstep.Cli.Tests;

/// <summary>
/// The composite action: its entrypoint step's script under bash, with the step's env as composite/action.yml maps it
/// (each <c>${{ inputs.x }}</c> the workflow's input or the declared default, the tool's folder from the step that
/// installed it) and the tool that composite/action.yml's own steps installed.
/// </summary>
public sealed class ActionCompositeTests(CompositeActionTool tool) : ActionEntrypointTests, IClassFixture<CompositeActionTool>
{
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
