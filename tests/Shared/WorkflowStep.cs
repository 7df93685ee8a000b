using System.Diagnostics;
using System.Text.Json.Nodes;
using Lockstep.Conventions.Tests;

namespace Lockstep.Tests.Shared;

/// <summary>A step of a GitHub workflow run as the runner runs it: its script under bash, in the workspace.</summary>
internal static class WorkflowStep
{
    /// <summary>The step of that job with that name.</summary>
    public static JsonNode Find(string workflow, string job, string name) =>
        YamlToJson.Convert(workflow)!["jobs"]![job]!["steps"]!.AsArray().Single(step => step!["name"]?.GetValue<string>() == name)!;

    /// <summary>
    /// Runs the step's <c>run</c> script in workspace with GITHUB_WORKSPACE set, as GitHub's bash shell does (-e, pipefail),
    /// with the variables of <paramref name="environment"/> added to the environment.
    /// </summary>
    public static (int ExitCode, string Output) Run(string workflow, string job, string name, string workspace, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        RunScript(Find(workflow, job, name)["run"]!.GetValue<string>(), workspace, environment, timeout);

    /// <summary>
    /// Runs a step's script (a GitHub <c>run</c> or an Azure Pipelines <c>script</c>) as the runners' bash does, without
    /// the test host's MSBuild and Lockstep variables.
    /// </summary>
    public static (int ExitCode, string Output) RunScript(string script, string workspace, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        DotnetProcess.RemoveHostSettings(start.Environment);
        start.Environment["GITHUB_WORKSPACE"] = workspace;
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(1);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the step did not finish in {limit.TotalMinutes:0.#} min: {script.Split('\n')[0]}");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).ReplaceLineEndings("\n"));
    }
}
