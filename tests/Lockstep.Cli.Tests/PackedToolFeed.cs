using System.Diagnostics;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests;

/// <summary>The Lockstep.Cli package packed from this build into a feed, and the processes that install it.</summary>
internal static class PackedToolFeed
{
    /// <summary>Packs the tool into <paramref name="folder"/>/feed and writes a nuget.config there naming only that feed; returns the config.</summary>
    public static string Create(string folder)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var feed = Path.Combine(folder, "feed");
        Run(new ProcessStartInfo("dotnet") { WorkingDirectory = folder }, "pack", Repository.Path("src/Lockstep.Cli/Lockstep.Cli.csproj"), "--no-build", "-c", configuration, "-o", feed);
        var config = Path.Combine(folder, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return config;
    }

    /// <summary>Runs the process to the end; throws with its output unless it exits 0.</summary>
    public static void Run(ProcessStartInfo start, params string[] args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
