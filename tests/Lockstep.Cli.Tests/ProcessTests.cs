using System.Diagnostics;

namespace Lockstep.Cli.Tests;

/// <summary>The built `lockstep` executable, run as a real process the way a user or a CI step runs it.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lockstep-process-").FullName;

    [Theory]
    [InlineData("pass", 0)]
    [InlineData("fail", 1)]
    public void Demo_exits_with_the_gate_verdict_and_writes_its_files(string scenario, int exitCode)
    {
        var (code, stdout, _) = Lockstep("demo", "--scenario", scenario, "--out-dir", "demo");

        Assert.Equal(exitCode, code);
        Assert.Contains($"verdict: {scenario}", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "demo", "report.md")));
        Assert.True(File.Exists(Path.Combine(directory, "demo", "result.json")));
        Assert.True(File.Exists(Path.Combine(directory, "demo", "dora.json")));
        Assert.StartsWith("<!-- lockstep:gate -->", File.ReadAllText(Path.Combine(directory, "demo", "pr-comment.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_one_line_on_stderr_and_exit_code_2()
    {
        var (code, _, stderr) = Lockstep("gate", "--policy", "missing.yml", "--candidate", "c.json");

        Assert.Equal(2, code);
        Assert.Equal("error: missing.yml: file not found\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Root_help_lists_the_commands()
    {
        var (code, stdout, _) = Lockstep("--help");

        Assert.Equal(0, code);
        Assert.Contains("gate", stdout, StringComparison.Ordinal);
        Assert.Contains("demo", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_concurrent_record_processes_lose_nothing()
    {
        var lines = global::Lockstep.Cli.Commands.DemoCommand.Resource("events.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(Path.Combine(directory, "all.jsonl"), string.Join('\n', lines) + "\n");
        File.WriteAllText(Path.Combine(directory, "even.jsonl"), string.Join('\n', lines.Where((_, n) => n % 2 == 0)) + "\n");
        File.WriteAllText(Path.Combine(directory, "odd.jsonl"), string.Join('\n', lines.Where((_, n) => n % 2 == 1)) + "\n");

        var runs = await Task.WhenAll(
            Task.Run(() => Lockstep("record", "--history", "history", "even.jsonl")),
            Task.Run(() => Lockstep("record", "--history", "history", "odd.jsonl")));
        Lockstep("dora", "--events", "all.jsonl", "--as-of", "2026-11-26T00:00:00Z", "--json", "expected.json");
        var (code, _, stderr) = Lockstep("dora", "--history", "history", "--as-of", "2026-11-26T00:00:00Z", "--json", "actual.json");

        Assert.All(runs, run => Assert.Equal(0, run.Code));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(directory, "expected.json")), File.ReadAllText(Path.Combine(directory, "actual.json")));
        var recorded = runs.Sum(run => int.Parse(System.Text.RegularExpressions.Regex.Match(run.Stdout, @"(\d+) delivery facts added").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lines.Length, recorded);
    }

    private (int Code, string Stdout, string Stderr) Lockstep(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lockstep.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test runner's own CI variables must not turn the child into a GitHub or Azure step.
        foreach (var name in new[] { "GITHUB_ACTIONS", "TF_BUILD", "NO_COLOR" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lockstep {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
