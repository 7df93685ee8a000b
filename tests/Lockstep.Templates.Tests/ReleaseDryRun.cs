using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lockstep.Tests.Shared;

namespace Lockstep.Templates.Tests;

/// <summary>
/// Once per test class: build/release.sh --dry-run over the NuGet packages and the image's build context, packed from
/// the build this test run made (the .vsix is packed by the same script in CI's dry-run job and by the extension's
/// Node tests). Removed afterwards.
/// </summary>
public sealed partial class ReleaseDryRun : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public ReleaseDryRun() =>
        (ExitCode, Output) = Run("--dry-run", "--only", "nuget,image", "--configuration", Configuration, "--no-restore", "--out", Out);

    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("lockstep-release-");

    public string Out => Path.Combine(Root.FullName, "release");

    public int ExitCode { get; }

    public string Output { get; }

    /// <summary>The product version, from Directory.Build.props.</summary>
    public static string Version { get; } = VersionElement().Match(Repository.Read("Directory.Build.props")).Groups[1].Value;

    public string Package(string id) => Path.Combine(Out, "nuget", $"{id}.{Version}.nupkg");

    /// <summary>The nuspec's metadata element and the names of the package's entries.</summary>
    public (XElement Metadata, IReadOnlySet<string> Entries) Open(string id)
    {
        using var package = ZipFile.OpenRead(Package(id));
        using var nuspec = package.GetEntry($"{id}.nuspec")!.Open();
        var document = XDocument.Load(nuspec);
        var metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return (metadata, package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal));
    }

    public static byte[] ReadEntry(string nupkg, string entry)
    {
        using var package = ZipFile.OpenRead(nupkg);
        using var stream = package.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Runs the release script under bash without the publishing secrets of the calling environment.</summary>
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
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"build/release.sh {string.Join(' ', arguments)} did not finish in 5 minutes");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).ReplaceLineEndings("\n"));
    }

    public void Dispose() => Root.Delete(recursive: true);

    [GeneratedRegex("<Version>(.+?)</Version>")]
    private static partial Regex VersionElement();
}
