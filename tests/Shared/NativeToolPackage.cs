using System.Runtime.InteropServices;

namespace Lockstep.Tests.Shared;

/// <summary>
/// The tool's Native AOT package for this machine's RID, packed by <c>build/release.sh --dry-run --only native</c>
/// (its trim-warning review included) into artifacts/tests/native-&lt;configuration&gt;, once per checkout and build:
/// test assemblies that need it share it, and it is packed again when the build is newer.
/// </summary>
internal static class NativeToolPackage
{
    private static readonly Lazy<string> PackedFolder = new(Pack);

    /// <summary>This machine's RID, as the tool's packages name it: linux-x64, osx-arm64, win-x64.</summary>
    public static string Rid { get; } = RuntimeInformation.RuntimeIdentifier;

    /// <summary>The folder holding Lockstep.Cli.&lt;rid&gt;.&lt;version&gt;.nupkg.</summary>
    public static string Folder => PackedFolder.Value;

    public static string Package => Path.Combine(Folder, $"Lockstep.Cli.{Rid}.{ProductVersion.Value}.nupkg");

    /// <summary>The configuration this test assembly was built in (the folder above its output).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string Pack()
    {
        var output = Repository.Path($"artifacts/tests/native-{Configuration}");
        var package = Path.Combine(output, "nuget", $"Lockstep.Cli.{Rid}.{ProductVersion.Value}.nupkg");
        using (ToolPackLock.Acquire())
        {
            if (!File.Exists(package) || File.GetLastWriteTimeUtc(package) < NewestBuildOutput())
            {
                var (exitCode, text) = ReleaseScript.Run("--dry-run", "--only", "native", "--configuration", Configuration, "--out", output);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"build/release.sh --only native failed ({exitCode}):\n{text}");
                }
            }
        }

        return Path.GetDirectoryName(package)!;
    }

    private static DateTime NewestBuildOutput() =>
        Directory.EnumerateFiles(Repository.Path($"src/Lockstep.Cli/bin/{Configuration}/net10.0"), "*.dll")
            .Max(File.GetLastWriteTimeUtc);
}
