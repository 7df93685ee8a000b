using System.Diagnostics;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests;

/// <summary>
/// `dotnet tool install Lockstep.Cli` from a feed of this build's packages, as a user, the composite action and the
/// Azure DevOps task run it: on this machine it takes the Native AOT package; on a platform the tool names no native
/// package for, the framework-dependent fallback. Both run the demo end to end and write the same results.
/// </summary>
[Collection(Name)]
public sealed class InstalledToolTests(InstalledToolTests.Tools tools)
{
    /// <summary>The test classes that run the installed tools, which they share.</summary>
    public const string Name = "installed tools";

    [Fact]
    public void This_machine_gets_the_Native_AOT_executable()
    {
        var target = new FileInfo(tools.NativeExecutable).ResolveLinkTarget(returnFinalTarget: true)!;

        Assert.Contains($"{Path.DirectorySeparatorChar}lockstep.cli.{NativeToolPackage.Rid}{Path.DirectorySeparatorChar}", target.FullName, StringComparison.Ordinal);
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target.FullName)[..4]);
    }

    [Fact]
    public void Elsewhere_the_fallback_runs_the_framework_dependent_tool() =>
        Assert.True(
            Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(tools.FallbackExecutable)!, ".store"), "lockstep.dll", SearchOption.AllDirectories)
                .Any(path => path.Contains($"{Path.DirectorySeparatorChar}lockstep.cli.any{Path.DirectorySeparatorChar}", StringComparison.Ordinal)),
            "no lockstep.dll of Lockstep.Cli.any in the tool's store");

    [Fact]
    public void Both_run_the_demo_and_write_the_same_gate_comment_and_DORA()
    {
        Assert.True(tools.NativeDemo.ExitCode == 0, tools.NativeDemo.ToString());
        Assert.True(tools.FallbackDemo.ExitCode == 0, tools.FallbackDemo.ToString());
        foreach (var file in new[] { "result.json", "pr-comment.md", "dora.json", "report.md", "monitor.json" })
        {
            Assert.Equal(
                WithoutDigests(tools.Fallback.Read(Path.Combine("lockstep-demo", file))),
                WithoutDigests(tools.Native.Read(Path.Combine("lockstep-demo", file))));
        }
    }

    [Fact]
    public void Both_scaffold_the_same_starter_repository()
    {
        var runs = new[] { tools.Native, tools.Fallback }.Select(cli => cli.Run("scaffold", "repo", "--name", "ChurnModel", "--ci", "both", "--out", "scaffold")).ToList();

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        var files = Files(tools.Fallback, "scaffold");
        Assert.Contains(Path.Combine(".github", "workflows", "lockstep-monitor.yml"), files);
        Assert.Equal(files, Files(tools.Native, "scaffold"));
        Assert.All(files, file => Assert.Equal(tools.Fallback.Read(Path.Combine("scaffold", file)), tools.Native.Read(Path.Combine("scaffold", file))));
    }

    [Fact]
    public void The_native_tool_runs_the_DuckDB_engine_it_carries()
    {
        var duckDb = tools.Native.Run("drift", "--reference", "lockstep-demo/reference.csv", "--current", "lockstep-demo/serving.csv", "--engine", "duckdb", "--out", "drift-duckdb.json");
        var inMemory = tools.Native.Run("drift", "--reference", "lockstep-demo/reference.csv", "--current", "lockstep-demo/serving.csv", "--out", "drift-memory.json");

        Assert.True(duckDb.ExitCode == 0, duckDb.ToString());
        Assert.True(inMemory.ExitCode == 0, inMemory.ToString());
        var expected = Psi(tools.Native.Read("drift-memory.json"));
        var actual = Psi(tools.Native.Read("drift-duckdb.json"));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.NotEmpty(expected);
        Assert.All(expected, feature => Assert.Equal(feature.Value, actual[feature.Key], 1e-9));
    }

    // The serving window's card is stamped with the time the monitor ran, so its digest differs from run to run.
    private static string WithoutDigests(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "[0-9a-f]{64}", "<sha256>");

    private static List<string> Files(CliHarness cli, string folder)
    {
        var root = Path.Combine(cli.Directory, folder);
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, double> Psi(string report) =>
        System.Text.Json.Nodes.JsonNode.Parse(report)!["features"]!.AsArray()
            .ToDictionary(feature => feature!["feature"]!.GetValue<string>(), feature => feature!["psi"]!.GetValue<double>());

    /// <summary>The two installs, each with a working directory where it ran the demo; shared by the collection, removed afterwards.</summary>
    public sealed class Tools : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("lockstep-installed-").FullName;

        public Tools()
        {
            NativeExecutable = Install("native", PackedToolFeed.Create);
            FallbackExecutable = Install("fallback", PackedToolFeed.CreateFallback);
            Native = new CliHarness { Executable = NativeExecutable };
            Fallback = new CliHarness { Executable = FallbackExecutable };

            // The framework-dependent tool's launcher finds the .NET running these tests, as setup-dotnet points it there.
            Fallback.Environment["DOTNET_ROOT"] = ActionEntrypointTests.DotnetRoot;
            NativeDemo = Native.Run("demo");
            FallbackDemo = Fallback.Run("demo");
        }

        /// <summary>The installed Native AOT tool's command.</summary>
        public string NativeExecutable { get; }

        /// <summary>The installed framework-dependent tool's command.</summary>
        public string FallbackExecutable { get; }

        public CliHarness Native { get; }

        public CliHarness Fallback { get; }

        public CliRun NativeDemo { get; }

        public CliRun FallbackDemo { get; }

        public void Dispose()
        {
            Native.Dispose();
            Fallback.Dispose();
            Directory.Delete(root, recursive: true);
        }

        private string Install(string name, Func<string, string> feed)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
            var config = feed(folder);
            var tool = Path.Combine(folder, "tool");
            PackedToolFeed.Run(new ProcessStartInfo("dotnet") { WorkingDirectory = folder }, "tool", "install", "Lockstep.Cli", "--version", ProductVersion.Value, "--tool-path", tool, "--configfile", config);
            return Path.Combine(tool, "lockstep");
        }
    }
}

[CollectionDefinition(InstalledToolTests.Name)]
public sealed class InstalledToolUsers : ICollectionFixture<InstalledToolTests.Tools>;
