using System.Diagnostics;

namespace Lockstep.Tests.Shared;

/// <summary>
/// Runs the dotnet command as a child process, the way a user's shell would: no telemetry, no build server or MSBuild
/// node left behind, and none of the test host's MSBuild or Lockstep settings.
/// </summary>
internal static class DotnetProcess
{
    public static (int ExitCode, string Output) Run(string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] noServers = arguments[0] is "build" or "pack" or "test" ? ["-nodeReuse:false", "--disable-build-servers"] : [];
        foreach (var argument in arguments.Concat(noServers))
        {
            start.ArgumentList.Add(argument);
        }

        RemoveHostSettings(start.Environment);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {timeout}");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).ReplaceLineEndings("\n"));
    }

    /// <summary>Removes the test host's MSBuild and Lockstep variables from a child's environment: a user's shell or a runner has none.</summary>
    public static void RemoveHostSettings(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("LOCKSTEP_", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(name);
        }
    }
}
