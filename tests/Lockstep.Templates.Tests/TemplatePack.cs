namespace Lockstep.Templates.Tests;

/// <summary>
/// Once per test run: Lockstep.Templates packed and installed into a private dotnet new hive, and Lockstep.Sdk packed
/// into a local feed under a version of its own, so no package cached by another build can stand in for it.
/// </summary>
public sealed class TemplatePack : IDisposable
{
    public TemplatePack()
    {
        Directory.CreateDirectory(Feed);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        Dotnet.Run(RepositoryRoot, "pack", "templates/Lockstep.Templates.csproj", "-c", configuration, "-o", Feed, "-nodeReuse:false");
        // From a copy of the sources, so the packs' own restore (one framework, another version) touches nothing here.
        var sources = CopySdkSources();
        foreach (var project in new[] { "src/Lockstep.Core", "src/Lockstep.Sdk" })
        {
            Dotnet.Run(sources, "pack", project, "-c", "Release", "-o", Feed, "-nodeReuse:false", "-p:IsPackable=true", $"-p:Version={SdkVersion}", "-p:TargetFrameworks=net10.0");
        }

        Dotnet.Run(Root.FullName, "new", "install", Path.Combine(Feed, "Lockstep.Templates.0.1.0.nupkg"), "--debug:custom-hive", Hive);
    }

    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("lockstep-templates-");

    public string Feed => Path.Combine(Root.FullName, "feed");

    public string Hive => Path.Combine(Root.FullName, "hive");

    /// <summary>A prerelease version no other build has put in the package cache.</summary>
    public string SdkVersion { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public static string RepositoryRoot => Lockstep.Conventions.Tests.Repository.Root;

    /// <summary>Runs <c>dotnet new</c> in a fresh folder and returns the folder.</summary>
    public string New(string name, params string[] arguments)
    {
        var output = Directory.CreateDirectory(Path.Combine(Root.FullName, "new", name)).FullName;
        Dotnet.Run(output, ["new", .. arguments, "--debug:custom-hive", Hive]);
        return output;
    }

    private string CopySdkSources()
    {
        var target = Path.Combine(Root.FullName, "sources");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(RepositoryRoot, file), Path.Combine(target, file));
        }

        foreach (var project in new[] { "src/Lockstep.Core", "src/Lockstep.Sdk" })
        {
            var from = Path.Combine(RepositoryRoot, project);
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
                {
                    continue;
                }

                var to = Path.Combine(target, project, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        return target;
    }

    public void Dispose()
    {
        Root.Delete(recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { "lockstep.core", "lockstep.sdk" })
        {
            var folder = Path.Combine(cache, package, SdkVersion);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
