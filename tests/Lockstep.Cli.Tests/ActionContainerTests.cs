namespace Lockstep.Cli.Tests;

/// <summary>
/// The container action: the image's entrypoint, installed as action/Dockerfile installs it, run with what `docker run`
/// gets for a container action (the image's ENV, the inputs as INPUT_* variables, upper-cased, hyphens kept, only
/// those the workflow gives) and a RUNNER_TEMP that is not mounted.
/// </summary>
public sealed class ActionContainerTests(ActionImageTool tool) : ActionEntrypointTests, IClassFixture<ActionImageTool>
{
    protected override (string File, IReadOnlyList<string> Arguments, IEnumerable<(string Name, string Value)> Environment) Start(IReadOnlyDictionary<string, string> inputs) =>
        (tool.Map(tool.Entrypoint[0]), [.. tool.Entrypoint.Skip(1)], [
            ("PATH", SystemPath),
            ("DOTNET_ROOT", DotnetRoot),
            ("HOME", Home),
            .. inputs.Select(input => ($"INPUT_{input.Key.ToUpperInvariant()}", input.Value)),
        ]);
}
