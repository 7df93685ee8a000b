using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lockstep.Tests.Shared;

namespace Lockstep.Templates.Tests;

/// <summary>build/release.sh packs every NuGet package of a release under the product version and checks it.</summary>
[Collection(TemplatePackUsers.Name)]
public class ReleaseScriptTests(ReleaseDryRun release) : IClassFixture<ReleaseDryRun>
{
    public static TheoryData<string> Packages() => ["Lockstep.Cli", "Lockstep.Sdk", "Lockstep.Analyzers", "Lockstep.Templates"];

    /// <summary>The tool's packages for a platform: the framework-dependent fallback and this machine's Native AOT one.</summary>
    public static TheoryData<string> PlatformPackages() => ["Lockstep.Cli.any", $"Lockstep.Cli.{NativeToolPackage.Rid}"];

    [Fact]
    public void The_dry_run_checks_everything_and_pushes_nothing()
    {
        Assert.True(release.ExitCode == 0, release.Output);
        Assert.Contains("dry run: nothing pushed", release.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("released ", release.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    [MemberData(nameof(PlatformPackages))]
    public void Each_package_carries_the_product_version_and_its_metadata(string id)
    {
        var (metadata, _) = release.Open(id);
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal(id, Value("id"));
        Assert.Equal(ReleaseDryRun.Version, Value("version"));
        Assert.Equal("Lockstep", Value("authors"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Equal("https://github.com/lockstep-ml/lockstep", Value("projectUrl"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(("git", "https://github.com/lockstep-ml/lockstep"), (repository.Attribute("type")?.Value, repository.Attribute("url")?.Value));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Each_package_holds_the_readme_and_the_png_icon_its_nuspec_names(string id)
    {
        var (metadata, entries) = release.Open(id);
        var readme = metadata.Elements().Single(e => e.Name.LocalName == "readme").Value;
        var icon = metadata.Elements().Single(e => e.Name.LocalName == "icon").Value;

        Assert.Contains(readme, entries);
        Assert.Contains(icon, entries);
        Assert.Contains($"`{id}`", System.Text.Encoding.UTF8.GetString(ReleaseDryRun.ReadEntry(release.Package(id), readme)), StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, ReleaseDryRun.ReadEntry(release.Package(id), icon)[..4]);
    }

    [Fact]
    public void The_tool_and_the_template_pack_are_of_their_package_types()
    {
        string Types(string id) => string.Join(',', release.Open(id).Metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")!.Value));

        Assert.Equal("DotnetTool", Types("Lockstep.Cli"));
        Assert.Equal("Template", Types("Lockstep.Templates"));
    }

    [Fact]
    public void The_image_context_is_the_actions_Dockerfile_with_the_packed_tool_only()
    {
        var context = Path.Combine(release.Out, "image");

        Assert.Equal(File.ReadAllText(Repository.Path("action/Dockerfile")), File.ReadAllText(Path.Combine(context, "Dockerfile")));
        Assert.Equal(File.ReadAllText(Repository.Path("action/.dockerignore")), File.ReadAllText(Path.Combine(context, ".dockerignore")));
        Assert.Equal(
            [$"Lockstep.Cli.{ReleaseDryRun.Version}.nupkg", $"Lockstep.Cli.linux-x64.{ReleaseDryRun.Version}.nupkg"],
            Directory.EnumerateFiles(Path.Combine(context, "packages")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var id in new[] { "Lockstep.Cli", "Lockstep.Cli.linux-x64" })
        {
            Assert.Equal(File.ReadAllBytes(release.Package(id)), File.ReadAllBytes(Path.Combine(context, "packages", $"{id}.{ReleaseDryRun.Version}.nupkg")));
        }
    }

    [Fact]
    public void The_tool_package_names_a_package_for_each_RID_of_the_project_and_the_fallback_last()
    {
        var rids = ToolRids();

        var named = ToolSettings("Lockstep.Cli", "tools/any/any/DotnetToolSettings.xml").Descendants("RuntimeIdentifierPackage")
            .Select(e => (e.Attribute("RuntimeIdentifier")!.Value, e.Attribute("Id")!.Value));

        Assert.Equal(rids.Select(rid => (rid, $"Lockstep.Cli.{rid}")), named);
        Assert.Equal("any", rids[^1]);
        Assert.Contains(NativeToolPackage.Rid, rids);
    }

    [Fact]
    public void The_native_package_holds_only_the_executable_and_the_DuckDB_engines_library()
    {
        var id = $"Lockstep.Cli.{NativeToolPackage.Rid}";
        var folder = $"tools/any/{NativeToolPackage.Rid}/";

        var command = ToolSettings(id, folder + "DotnetToolSettings.xml").Descendants("Command").Single();

        Assert.Equal(("lockstep", "executable"), (command.Attribute("EntryPoint")!.Value, command.Attribute("Runner")!.Value));
        Assert.Equal(
            ["DotnetToolSettings.xml", "libduckdb.so", "lockstep"],
            release.Open(id).Entries.Where(e => e.StartsWith(folder, StringComparison.Ordinal)).Select(e => e[folder.Length..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_fallback_package_runs_the_framework_dependent_tool_on_the_installed_runtime()
    {
        var command = ToolSettings("Lockstep.Cli.any", "tools/net10.0/any/DotnetToolSettings.xml").Descendants("Command").Single();

        Assert.Equal(("lockstep.dll", "dotnet"), (command.Attribute("EntryPoint")!.Value, command.Attribute("Runner")!.Value));
        Assert.Contains("tools/net10.0/any/lockstep.runtimeconfig.json", release.Open("Lockstep.Cli.any").Entries);
    }

    [Fact]
    public void The_dry_run_names_the_native_packages_only_their_own_OS_can_pack()
    {
        var others = ToolRids().Where(rid => rid != "any" && rid != NativeToolPackage.Rid).Select(rid => $"Lockstep.Cli.{rid}");

        Assert.Contains($"not packed here (each is packed on its own OS): {string.Join(' ', others)}\n", release.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_of_another_version_stops_the_release_before_anything_is_packed()
    {
        var output = Path.Combine(release.Root.FullName, "wrong-tag");

        var (exitCode, text) = ReleaseScript.Run("--dry-run", "--tag", "v0.0.0", "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Matches($@"^error: Directory\.Build\.props:\d+: Version: the tag v0\.0\.0 is not v{ReleaseDryRun.Version.Replace(".", @"\.", StringComparison.Ordinal)}$", text.TrimEnd());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_real_release_without_the_NuGet_key_stops_before_anything_is_packed()
    {
        var output = Path.Combine(release.Root.FullName, "no-key");

        var (exitCode, text) = ReleaseScript.Run("--only", "nuget", "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Equal("error: release.sh:1: NUGET_API_KEY: not set (the NuGet push needs it; --dry-run does not)", text.TrimEnd());
        Assert.False(Directory.Exists(output));
    }

    private static string[] ToolRids() =>
        Regex.Match(Repository.Read("src/Lockstep.Cli/Lockstep.Cli.csproj"), "<ToolPackageRuntimeIdentifiers>(.+?)</").Groups[1].Value.Split(';');

    private XDocument ToolSettings(string id, string entry) => XDocument.Load(new MemoryStream(ReleaseDryRun.ReadEntry(release.Package(id), entry)));
}
