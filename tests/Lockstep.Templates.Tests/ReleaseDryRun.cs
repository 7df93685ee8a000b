using System.IO.Compression;
using System.Xml.Linq;
using Lockstep.Tests.Shared;

namespace Lockstep.Templates.Tests;

/// <summary>
/// Once per test class: build/release.sh --dry-run over the NuGet packages and the image's build context, packed from
/// the build this test run made, with the Native AOT package for this machine (<see cref="NativeToolPackage"/>) as
/// the release workflow passes the native jobs' packages (the .vsix is packed by the same script in CI's dry-run job
/// and by the extension's Node tests). Removed afterwards.
/// </summary>
public sealed class ReleaseDryRun : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public ReleaseDryRun()
    {
        var native = NativeToolPackage.Folder;
        using (ToolPackLock.Acquire())
        {
            (ExitCode, Output) = ReleaseScript.Run("--dry-run", "--only", "nuget,image", "--native-from", native, "--configuration", Configuration, "--no-restore", "--out", Out);
        }
    }

    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("lockstep-release-");

    public string Out => Path.Combine(Root.FullName, "release");

    public int ExitCode { get; }

    public string Output { get; }

    /// <summary>The product version, from Directory.Build.props.</summary>
    public static string Version => ProductVersion.Value;

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

    public void Dispose() => Root.Delete(recursive: true);
}
