using System.Diagnostics;
using Lockstep.Cli.Commands;
using Lockstep.GitHub.Tests;

namespace Lockstep.Cli.Tests;

/// <summary>
/// The action's image entrypoint, installed as the Dockerfile installs it, run with exactly what the runner gives a
/// container action: a clean environment of GITHUB_*, RUNNER_* and INPUT_* variables (hyphens kept), the workspace as
/// the working directory, the event and file-command files under /github, and a RUNNER_TEMP that is not mounted.
/// </summary>
public sealed class ActionContainerTests : IClassFixture<ActionImageTool>, IDisposable
{
    private const string Token = "ghs_ContainerTestToken0123456789";
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

    private readonly ActionImageTool tool;
    private readonly FakeGitHub github = new();
    private readonly string root = Directory.CreateTempSubdirectory("lockstep-container-").FullName;

    public ActionContainerTests(ActionImageTool tool)
    {
        this.tool = tool;
        foreach (var folder in new[] { "github/workspace", "github/workflow", "github/file_commands", "github/home" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        File.WriteAllText(Workspace("lockstep.yml"), DemoCommand.Resource("lockstep.yml"));
        File.WriteAllText(Workspace("baseline.json"), DemoCommand.Resource("baseline.json"));
        File.WriteAllText(Workspace("candidate.json"), DemoCommand.Resource("candidate-fail.json"));
        File.WriteAllText(Workspace("events.jsonl"), DemoCommand.Resource("events.jsonl"));
        File.WriteAllText(Path.Combine(root, "github/workflow/event.json"), $$"""
            { "action": "synchronize", "number": {{FakeGitHub.Number}},
              "pull_request": { "number": {{FakeGitHub.Number}}, "created_at": "2026-11-20T10:05:00Z",
                "head": { "ref": "retrain", "sha": "{{HeadSha}}", "repo": { "full_name": "octo-org/model-repo" } },
                "base": { "ref": "main", "sha": "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", "repo": { "full_name": "octo-org/model-repo" } } } }
            """);
    }

    [Fact]
    public void The_entrypoint_gates_comments_checks_and_writes_outputs_the_later_steps_can_read()
    {
        var (code, stdout, stderr) = RunEntrypoint();

        Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
        Assert.StartsWith($"::add-mask::{Token}\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, stdout[($"::add-mask::{Token}".Length)..], StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);

        var outputs = File.ReadAllText(Path.Combine(root, "github/file_commands/set_output_1"));
        Assert.Contains("verdict=fail\n", outputs, StringComparison.Ordinal);
        Assert.Contains("action=rollback\n", outputs, StringComparison.Ordinal);
        Assert.Contains("report-path=.lockstep/reports/lockstep.md\n", outputs, StringComparison.Ordinal);
        Assert.Contains("comment-url=", outputs, StringComparison.Ordinal);
        Assert.Contains("check-run-url=", outputs, StringComparison.Ordinal);
        Assert.Contains("Delivery: DORA metrics for code and model", File.ReadAllText(Workspace(".lockstep/reports/lockstep.md")), StringComparison.Ordinal);
        Assert.Contains("Lockstep gate", File.ReadAllText(Path.Combine(root, "github/file_commands/step_summary_1")), StringComparison.Ordinal);

        Assert.Contains("Delivery: DORA metrics for code and model", Assert.Single(github.Comments).Body, StringComparison.Ordinal);
        var check = Assert.Single(github.CheckRuns);
        Assert.Equal((HeadSha, "failure"), (check.HeadSha, check.Conclusion));
        Assert.Contains(check.Annotations, a => a["path"]!.GetValue<string>() == "lockstep.yml");
    }

    [Fact]
    public void A_missing_input_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = RunEntrypoint(("INPUT_CANDIDATE", string.Empty));

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("error: action inputs: candidate: missing: name the candidate's report card\n", stderr);
    }

    private string Workspace(string relative) => Path.Combine(root, "github/workspace", relative);

    private (int Code, string Stdout, string Stderr) RunEntrypoint(params (string Name, string Value)[] overrides)
    {
        var entrypoint = tool.Entrypoint;
        var start = new ProcessStartInfo(tool.Map(entrypoint[0]))
        {
            WorkingDirectory = Workspace(string.Empty),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in entrypoint.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (name, value) in Container().Concat(overrides))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the entrypoint did not finish");
        }

        return (process.ExitCode, stdout.Result.ReplaceLineEndings("\n"), stderr.Result.ReplaceLineEndings("\n"));
    }

    /// <summary>The variables of `docker run -e …` for a container action, with the image's own ENV.</summary>
    private IEnumerable<(string, string)> Container() =>
    [
        ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        ("DOTNET_ROOT", ActionImageTool.DotnetRoot),
        ("HOME", Path.Combine(root, "github/home")),
        ("CI", "true"),
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_WORKSPACE", Workspace(string.Empty).TrimEnd('/')),
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("GITHUB_EVENT_PATH", Path.Combine(root, "github/workflow/event.json")),
        ("GITHUB_OUTPUT", Path.Combine(root, "github/file_commands/set_output_1")),
        ("GITHUB_STEP_SUMMARY", Path.Combine(root, "github/file_commands/step_summary_1")),
        ("GITHUB_REPOSITORY", $"{FakeGitHub.Owner}/{FakeGitHub.Repo}"),
        ("GITHUB_SHA", "f95f852bd8fca8fcc58a9a2d6c842781e32a215e"),
        ("GITHUB_API_URL", github.ApiBase.ToString()),
        ("GITHUB_SERVER_URL", "https://github.example.com"),
        ("GITHUB_RUN_ID", "9001"),
        ("RUNNER_TEMP", "/home/runner/work/_temp"),
        ("INPUT_POLICY", "lockstep.yml"),
        ("INPUT_CANDIDATE", "candidate.json"),
        ("INPUT_BASELINE", "baseline.json"),
        ("INPUT_DRIFT", string.Empty),
        ("INPUT_EVENTS", "events.jsonl"),
        ("INPUT_GITHUB-TOKEN", Token),
        ("INPUT_COMMENT-MODE", "always"),
        ("INPUT_REPORT-ID", "lockstep"),
        ("INPUT_LANE", "model"),
        ("INPUT_FAIL-ON", "fail"),
        ("INPUT_CHECK-RUN", "auto"),
        ("INPUT_WORKING-DIRECTORY", "."),
    ];

    public void Dispose()
    {
        github.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
