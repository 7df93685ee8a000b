using System.Diagnostics;
using Lockstep.Cli.Commands;
using Lockstep.GitHub.Tests;

namespace Lockstep.Cli.Tests;

/// <summary>
/// What the action's entrypoint does for a pull request, whichever way the runner starts it (a derived class each:
/// the container action's image, the composite action's steps): a clean environment of GITHUB_* and RUNNER_*
/// variables plus what the start adds (the INPUT_* variables), the workspace as the working directory, the event and
/// file-command files under /github.
/// </summary>
public abstract class ActionEntrypointTests : IDisposable
{
    private const string Token = "ghs_ContainerTestToken0123456789";
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

    private readonly FakeGitHub github = new();
    private readonly string root = Directory.CreateTempSubdirectory("lockstep-entrypoint-").FullName;

    protected ActionEntrypointTests()
    {
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
        var (code, stdout, stderr) = RunEntrypoint(("candidate", string.Empty));

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("error: action inputs: candidate: missing: name the candidate's report card\n", stderr);
    }

    /// <summary>The .NET running the tests: the tool's launcher finds it through DOTNET_ROOT, as the image and setup-dotnet set it.</summary>
    internal static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    protected static string SystemPath => "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    protected string Home => Path.Combine(root, "github/home");

    /// <summary>How the runner starts the entrypoint with these inputs (by name, as the workflow's <c>with:</c> gives them).</summary>
    protected abstract (string File, IReadOnlyList<string> Arguments, IEnumerable<(string Name, string Value)> Environment) Start(IReadOnlyDictionary<string, string> inputs);

    private string Workspace(string relative) => Path.Combine(root, "github/workspace", relative);

    private (int Code, string Stdout, string Stderr) RunEntrypoint(params (string Name, string Value)[] overrides)
    {
        var inputs = Inputs.Concat(overrides).GroupBy(input => input.Name).ToDictionary(group => group.Key, group => group.Last().Value);
        var (file, arguments, environment) = Start(inputs);
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Workspace(string.Empty),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (name, value) in Runner().Concat(environment))
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

    /// <summary>The workflow's <c>with:</c> for the step.</summary>
    private static IEnumerable<(string Name, string Value)> Inputs =>
    [
        ("policy", "lockstep.yml"),
        ("candidate", "candidate.json"),
        ("baseline", "baseline.json"),
        ("drift", string.Empty),
        ("events", "events.jsonl"),
        ("github-token", Token),
        ("comment-mode", "always"),
        ("report-id", "lockstep"),
        ("lane", "model"),
        ("fail-on", "fail"),
        ("check-run", "auto"),
        ("working-directory", "."),
    ];

    /// <summary>What the runner sets for every step of a pull request job.</summary>
    private IEnumerable<(string, string)> Runner() =>
    [
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
    ];

    public void Dispose()
    {
        github.Dispose();
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
