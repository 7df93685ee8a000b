using System.Diagnostics;
using System.Text.RegularExpressions;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests;

/// <summary>
/// The image's /lockstep folder, made the way action/Dockerfile makes it: the tool installed with `dotnet tool install
/// --tool-path` from a feed holding only this build's packages (so the Native AOT package for this machine), then
/// the executable alone copied out of the tool's store. Shared by a test class; removed afterwards.
/// </summary>
public sealed partial class ActionImageTool : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("lockstep-image-").FullName;

    public ActionImageTool()
    {
        var dockerfile = File.ReadAllText(Repository.Path("action/Dockerfile"));
        var version = VersionArg().Match(dockerfile).Groups[1].Value;
        var config = PackedToolFeed.Create(root);
        var tool = Path.Combine(root, "tool");
        PackedToolFeed.Run(new ProcessStartInfo("dotnet") { WorkingDirectory = root }, "tool", "install", "Lockstep.Cli", "--version", version, "--tool-path", tool, "--configfile", config);

        // RUN … cp -L /tool/lockstep /lockstep/lockstep
        var executable = new FileInfo(Path.Combine(tool, "lockstep")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.Combine(tool, "lockstep");
        Directory.CreateDirectory(Path.Combine(root, "lockstep"));
        File.Copy(executable, Path.Combine(root, "lockstep", "lockstep"));
        Entrypoint = [.. EntrypointLine().Match(dockerfile).Groups[1].Value.Split(", ").Select(part => part.Trim('"'))];
    }

    /// <summary>The Dockerfile's ENTRYPOINT, with the image's /lockstep mapped to the copied executable.</summary>
    public IReadOnlyList<string> Entrypoint { get; }

    /// <summary>What the image holds under /lockstep.</summary>
    public IEnumerable<string> Files => Directory.EnumerateFileSystemEntries(Path.Combine(root, "lockstep")).Select(Path.GetFileName)!;

    public string Map(string imagePath) => imagePath.StartsWith("/lockstep/", StringComparison.Ordinal)
        ? Path.Combine(root, "lockstep", imagePath["/lockstep/".Length..])
        : imagePath;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [GeneratedRegex(@"(?m)^ARG LOCKSTEP_VERSION=(\S+)")]
    private static partial Regex VersionArg();

    [GeneratedRegex(@"(?m)^ENTRYPOINT \[(.+)\]")]
    private static partial Regex EntrypointLine();
}
