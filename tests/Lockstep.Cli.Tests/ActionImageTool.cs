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
        var config = PackedToolFeed.Create(root);
        PackedToolFeed.Run(new ProcessStartInfo("dotnet") { WorkingDirectory = root }, "tool", "install", "Lockstep.Cli", "--version", version, "--tool-path", Path.Combine(root, "lockstep"), "--configfile", config);
        Entrypoint = [.. EntrypointLine().Match(dockerfile).Groups[1].Value.Split(", ").Select(part => part.Trim('"'))];
    }

    /// <summary>The Dockerfile's ENTRYPOINT, with the image's /lockstep mapped to the installed tool.</summary>
    public IReadOnlyList<string> Entrypoint { get; }

    public string Map(string imagePath) => imagePath.StartsWith("/lockstep/", StringComparison.Ordinal)
        ? Path.Combine(root, "lockstep", imagePath["/lockstep/".Length..])
        : imagePath;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [GeneratedRegex(@"(?m)^ARG LOCKSTEP_VERSION=(\S+)")]
    private static partial Regex VersionArg();

    [GeneratedRegex(@"(?m)^ENTRYPOINT \[(.+)\]")]
    private static partial Regex EntrypointLine();
}
