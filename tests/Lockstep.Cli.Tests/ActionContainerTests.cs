using Lockstep.Cli.Commands;

namespace Lockstep.Cli.Tests;

/// <summary>
/// The container action: the image's entrypoint, the Native AOT executable as action/Dockerfile copies it, run with
/// what `docker run` gets for a container action (the image sets no variables; the inputs come as INPUT_* variables,
/// upper-cased, hyphens kept, only those the workflow gives) and a RUNNER_TEMP that is not mounted. No .NET runtime is
/// on the path or named by DOTNET_ROOT: the chiseled runtime-deps base has none.
/// </summary>
public sealed class ActionContainerTests(ActionImageTool tool) : ActionEntrypointTests, IClassFixture<ActionImageTool>
{
    [Fact]
    public void The_image_holds_the_executable_alone() =>
        Assert.Equal(["lockstep"], tool.Files);

    [Fact]
    public void A_command_that_needs_the_DuckDB_engine_says_in_one_line_that_the_image_leaves_it_out()
    {
        using var image = new CliHarness { Executable = tool.Map("/lockstep/lockstep") };
        image.Write("reference.csv", DemoCommand.Resource("reference.csv"));
        image.Write("serving.csv", DemoCommand.Resource("serving.csv"));

        var run = image.Run("drift", "--reference", "reference.csv", "--current", "serving.csv", "--engine", "duckdb", "--out", "drift.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {MissingDuckDb.Message}\n", run.Error);
        Assert.False(image.Exists("drift.json"));
    }

    protected override (string File, IReadOnlyList<string> Arguments, IEnumerable<(string Name, string Value)> Environment) Start(IReadOnlyDictionary<string, string> inputs) =>
        (tool.Map(tool.Entrypoint[0]), [.. tool.Entrypoint.Skip(1)], [
            ("PATH", SystemPath),
            ("HOME", Home),
            .. inputs.Select(input => ($"INPUT_{input.Key.ToUpperInvariant()}", input.Value)),
        ]);
}
