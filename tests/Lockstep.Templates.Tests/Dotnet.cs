using System.Diagnostics;

namespace Lockstep.Templates.Tests;

/// <summary>Runs the dotnet command as a child process, with no telemetry and no build servers left behind.</summary>
internal static class Dotnet
{
    public static string Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, TimeSpan.FromMinutes(4), arguments);

    public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] noServers = arguments[0] is "build" or "pack" or "test" ? ["-nodeReuse:false", "--disable-build-servers"] : [];
        foreach (var argument in arguments.Concat(noServers))
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild and Lockstep settings must not leak into the builds and runs it starts.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("LOCKSTEP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {timeout}");
        }

        var text = output.Result + error.Result;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}:\n{text}");
        return text;
    }
}
