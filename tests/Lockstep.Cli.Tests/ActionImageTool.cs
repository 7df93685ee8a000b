using System.Diagnostics;
using System.Text.RegularExpressions;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests;

/// <summary>
/// The `lockstep` tool installed the way action/Dockerfile installs it: packed, then `dotnet tool install
/// --tool-path` from a feed holding only that package. Shared by a test class; removed afterwards.
/// </summary>
public sealed partial class ActionImageTool : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("lockstep-image-").FullName;

    public ActionImageTool()
    {
        var dockerfile = File.ReadAllText(Repository.Path("action/Dockerfile"));
        var version = VersionArg().Match(dockerfile).Groups[1].Value;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var feed = Path.Combine(root, "feed");
        Run("dotnet", "pack", Repository.Path("src/Lockstep.Cli/Lockstep.Cli.csproj"), "--no-build", "-c", configuration, "-o", feed);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Run("dotnet", "tool", "install", "Lockstep.Cli", "--version", version, "--tool-path", Path.Combine(root, "lockstep"), "--configfile", Path.Combine(root, "nuget.config"));
        Entrypoint = [.. EntrypointLine().Match(dockerfile).Groups[1].Value.Split(", ").Select(part => part.Trim('"'))];
    }

    /// <summary>The Dockerfile's ENTRYPOINT, with the image's /lockstep mapped to the installed tool.</summary>
    public IReadOnlyList<string> Entrypoint { get; }

    public string Map(string imagePath) => imagePath.StartsWith("/lockstep/", StringComparison.Ordinal)
        ? Path.Combine(root, "lockstep", imagePath["/lockstep/".Length..])
        : imagePath;

    /// <summary>Where the running .NET lives, for the tool's launcher (the image sets DOTNET_ROOT the same way).</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }

    [GeneratedRegex(@"(?m)^ARG LOCKSTEP_VERSION=(\S+)")]
    private static partial Regex VersionArg();

    [GeneratedRegex(@"(?m)^ENTRYPOINT \[(.+)\]")]
    private static partial Regex EntrypointLine();
}
