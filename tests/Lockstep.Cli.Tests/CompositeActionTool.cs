using System.Diagnostics;
using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests;

/// <summary>
/// The `lockstep` tool installed by composite/action.yml's own steps (the one naming the version, then the install)
/// into a temporary RUNNER_TOOL_CACHE, from a workspace whose nuget.config names a private feed holding only the
/// packed package. Shared by a test class; removed afterwards.
/// </summary>
public sealed class CompositeActionTool : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("lockstep-composite-").FullName;

    public CompositeActionTool()
    {
        var workspace = Directory.CreateDirectory(Path.Combine(root, "workspace")).FullName;
        PackedToolFeed.Create(workspace);
        Outputs = RunForOutputs(CompositeActionSteps.Step("tool"), new Dictionary<string, string>(), ("RUNNER_TOOL_CACHE", Path.Combine(root, "toolcache")))
            .ToDictionary(output => $"steps.tool.outputs.{output.Key}", output => output.Value);

        var installStep = CompositeActionSteps.Step(step => step["run"]?.GetValue<string>().StartsWith("dotnet tool install ", StringComparison.Ordinal) == true);
        var install = CompositeActionSteps.Bash(installStep, workspace);
        SetAll(install, CompositeActionSteps.Environment(installStep, Outputs));
        PackedToolFeed.Run(install);
    }

    /// <summary>The outputs of the step that names the version and the tool's folder, as <c>steps.tool.outputs.x</c>.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }

    /// <summary>Runs a step whose script writes GITHUB_OUTPUT; returns what it wrote.</summary>
    public IReadOnlyDictionary<string, string> RunForOutputs(JsonNode step, IReadOnlyDictionary<string, string> expressions, params (string Name, string Value)[] environment)
    {
        var outputs = Path.Combine(root, $"outputs_{Guid.NewGuid():N}");
        File.WriteAllText(outputs, string.Empty);
        var start = CompositeActionSteps.Bash(step, root);
        start.Environment["GITHUB_OUTPUT"] = outputs;
        SetAll(start, [.. environment, .. CompositeActionSteps.Environment(step, expressions)]);
        PackedToolFeed.Run(start);
        return File.ReadAllLines(outputs).Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void SetAll(ProcessStartInfo start, IEnumerable<(string Name, string Value)> variables)
    {
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }
    }
}
