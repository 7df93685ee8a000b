using Lockstep.Cli.Commands;

namespace Lockstep.Cli.Tests;

/// <summary>
/// Runs the lockstep command in-process, in a temp working directory, with a chosen environment; or, with
/// <see cref="Executable"/>, an installed lockstep as a child process with only that environment (and PATH, HOME).
/// </summary>
public sealed class CliHarness : IDisposable
{
    /// <summary>An installed lockstep executable to run instead of the command in-process; the clock is then the system's.</summary>
    public string? Executable { get; init; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("lockstep-cli-").FullName;

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public bool Terminal { get; set; }

    /// <summary>The clock the command runs on: its "now" and the waits of its retries.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return name;
    }

    /// <summary>The demo's policy, baseline and a candidate of the given scenario, as files in the working directory.</summary>
    public void WriteDemoInputs(string scenario = "fail")
    {
        Write("lockstep.yml", DemoCommand.Resource("lockstep.yml"));
        Write("baseline.json", DemoCommand.Resource("baseline.json"));
        Write("candidate.json", DemoCommand.Resource($"candidate-{scenario}.json"));
    }

    /// <summary>
    /// The environment a GitHub runner gives the action's container: the inputs as <c>INPUT_*</c> variables, the
    /// workspace (the working directory), the repository, the API address, and the output, summary and temp files.
    /// </summary>
    public void ActAsGitHubRunner(string repository, Uri api, IReadOnlyDictionary<string, string> inputs)
    {
        foreach (var (name, value) in inputs)
        {
            Environment[$"INPUT_{name.ToUpperInvariant()}"] = value;
        }

        Environment["GITHUB_ACTIONS"] = "true";
        Environment["GITHUB_WORKSPACE"] = Directory;
        Environment["GITHUB_REPOSITORY"] = repository;
        Environment["GITHUB_API_URL"] = api.ToString();
        Environment["GITHUB_OUTPUT"] = Path.Combine(Directory, "output");
        Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(Directory, "summary");
        Environment["RUNNER_TEMP"] = Path.Combine(Directory, "runner-temp");
        System.IO.Directory.CreateDirectory(Environment["RUNNER_TEMP"]);
    }

    public string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public bool Exists(string name) => File.Exists(Path.Combine(Directory, name));

    public CliRun Run(params string[] args)
    {
        if (Executable is not null)
        {
            return RunExecutable(args);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Environment, Directory, Terminal) { Clock = Clock };
        var exitCode = Task.Run(() => LockstepCommand.RunAsync(args, context)).GetAwaiter().GetResult();
        return new CliRun(exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private CliRun RunExecutable(string[] args)
    {
        if (Clock != TimeProvider.System || Terminal)
        {
            throw new InvalidOperationException("an installed executable runs on the system clock, without a terminal");
        }

        var start = new System.Diagnostics.ProcessStartInfo(Executable!) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = Directory;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Executable} {string.Join(' ', args)} did not finish");
        }

        return new CliRun(process.ExitCode, output.Result.ReplaceLineEndings("\n"), error.Result.ReplaceLineEndings("\n"));
    }
}

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}
