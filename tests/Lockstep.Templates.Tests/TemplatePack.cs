using Lockstep.Tests.Shared;

namespace Lockstep.Templates.Tests;

/// <summary>
/// Once per test run: Lockstep.Templates packed and installed into a private dotnet new hive, and Lockstep.Sdk packed
/// into a local feed under a package version of its own, so no package cached by another build can stand in for it.
/// Both are packed from the build the test run already made (no restore, same configuration).
/// </summary>
public sealed class TemplatePack : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public TemplatePack()
    {
        Directory.CreateDirectory(Feed);
        var nuspecs = Path.Combine(Root.FullName, "nuspec") + Path.DirectorySeparatorChar;
        using (ToolPackLock.Acquire())
        {
            Dotnet.Run(RepositoryRoot, "pack", "templates/Lockstep.Templates.csproj", "--no-restore", "-c", Configuration, "-o", Feed, $"-p:NuspecOutputPath={nuspecs}");
            Dotnet.Run(RepositoryRoot, "pack", "src/Lockstep.Sdk/Lockstep.Sdk.csproj", "--no-restore", "-c", Configuration, "-o", Feed, $"-p:PackageVersion={SdkVersion}", $"-p:NuspecOutputPath={nuspecs}");
        }

        Dotnet.Run(Root.FullName, "new", "install", Path.Combine(Feed, "Lockstep.Templates.0.1.0.nupkg"), "--debug:custom-hive", Hive);
    }

    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("lockstep-templates-");

    public string Feed => Path.Combine(Root.FullName, "feed");

    public string Hive => Path.Combine(Root.FullName, "hive");

    /// <summary>A prerelease version no other build has put in the package cache.</summary>
    public string SdkVersion { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public static string RepositoryRoot => global::Lockstep.Tests.Shared.Repository.Root;

    /// <summary>Writes a nuget.config into the repository that restores from the feed alone (and the package cache).</summary>
    public void RestoreFromFeed(string repository) => File.WriteAllText(Path.Combine(repository, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="lockstep" value="{Feed}" />
          </packageSources>
        </configuration>
        """);

    /// <summary>Runs <c>dotnet new</c> in a fresh folder and returns the folder.</summary>
    public string New(string name, params string[] arguments)
    {
        var output = Directory.CreateDirectory(Path.Combine(Root.FullName, "new", name)).FullName;
        Dotnet.Run(output, ["new", .. arguments, "--debug:custom-hive", Hive]);
        return output;
    }

    public void Dispose()
    {
        Root.Delete(recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(cache, "lockstep.sdk", SdkVersion);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
