using System.Diagnostics;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests;

/// <summary>The Lockstep.Cli packages of this build in a feed, and the processes that install them.</summary>
internal static class PackedToolFeed
{
    /// <summary>
    /// A feed in <paramref name="folder"/>/feed with the tool's package naming its RID packages and this machine's
    /// Native AOT package, and a nuget.config there naming only that feed; returns the config.
    /// </summary>
    public static string Create(string folder)
    {
        var feed = Path.Combine(folder, "feed");
        var native = NativeToolPackage.Package;
        using (ToolPackLock.Acquire())
        {
            Pack(folder, feed, "--no-build");
        }

        File.Copy(native, Path.Combine(feed, Path.GetFileName(native)));
        return Config(folder, feed);
    }

    /// <summary>
    /// As <see cref="Create"/>, for a platform with no Native AOT package: the tool's package names only the
    /// framework-dependent fallback, Lockstep.Cli.any, which the feed holds.
    /// </summary>
    public static string CreateFallback(string folder)
    {
        var feed = Path.Combine(folder, "feed");
        using (ToolPackLock.Acquire())
        {
            Pack(folder, feed, "--no-build", "-p:ToolPackageRuntimeIdentifiers=any");
            Pack(folder, feed, "-r", "any");
        }

        return Config(folder, feed);
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

    private static void Pack(string folder, string feed, params string[] options) =>
        Run(
            new ProcessStartInfo("dotnet") { WorkingDirectory = folder },
            ["pack", Repository.Path("src/Lockstep.Cli/Lockstep.Cli.csproj"), "-c", NativeToolPackage.Configuration, "-o", feed, "-nodeReuse:false", .. options]);

    private static string Config(string folder, string feed)
    {
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
}
