using System.Diagnostics;

namespace Lockstep.Tests.Shared;

/// <summary>
/// build/release.sh run under bash, without the publishing secrets or MSBuild settings of the calling environment.
/// Every pack of the tool's project graph in a test run goes through <see cref="ToolPackLock"/>: a pack for a RID
/// restores the whole graph for it, which must not happen while another pack reads the same obj folders.
/// </summary>
internal static class ReleaseScript
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Repository.Path("build/release.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment.Remove("NUGET_API_KEY");
        start.Environment.Remove("MARKETPLACE_TOKEN");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"build/release.sh {string.Join(' ', arguments)} did not finish in 10 minutes");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).ReplaceLineEndings("\n"));
    }
}
