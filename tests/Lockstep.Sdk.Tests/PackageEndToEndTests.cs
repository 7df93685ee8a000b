using System.IO.Compression;
using System.Text.RegularExpressions;
using Lockstep.Core.Contracts;
using Lockstep.Core.Pinning;
using Lockstep.Tests.Shared;

namespace Lockstep.Sdk.Tests;

/// <summary>
/// The package as a user gets it: Lockstep.Sdk packed into a local feed, referenced from a training project with
/// ML.NET through a nuget.config of its own, built with <c>dotnet build</c> and run.
/// </summary>
public sealed partial class PackageEndToEndTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>A version no earlier run has put in the shared NuGet cache, so the build cannot pick up a stale package.</summary>
    private readonly string version = $"0.1.0-e2e-{Guid.NewGuid():N}";
    private readonly string work = Directory.CreateTempSubdirectory("lockstep-e2e-").FullName;

    [Fact]
    public void One_package_reference_brings_the_api_and_the_analyzers_with_their_build_settings()
    {
        var feed = Path.Combine(work, "feed");
        var sample = Path.Combine(work, "sample");
        Pack(feed);
        WriteSample(sample, feed);

        var build = Dotnet(sample, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(
            ["Program.cs(5,14): LS1001", "Program.cs(6,16): LS1003", "Program.cs(8,33): LS2001", "Program.cs(9,14): LS2002"],
            LockstepWarnings(build.Output));

        var quiet = Dotnet(sample, "build", "-c", "Debug", "-p:LockstepTrainingCode=false");
        Assert.True(quiet.ExitCode == 0, quiet.Output);
        Assert.Empty(LockstepWarnings(quiet.Output));

        var run = Dotnet(sample, "run", "--no-build", "-c", "Debug", "-f", "net10.0");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("seed 7\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"train {Path.Combine(sample, "data", "train.csv")}\n", run.Output, StringComparison.Ordinal);
        var card = ReportCardReader.Parse(File.ReadAllText(Path.Combine(sample, "out", "report-card.json")), "report-card.json");
        Assert.Equal(7, card.Run!.Seed);
        Assert.Equal(TempRepository.Sha256(Path.Combine(sample, "data", "train.csv")), card.Datasets.Single().Sha256);
    }

    private void Pack(string feed)
    {
        (int ExitCode, string Output) pack;
        using (ToolPackLock.Acquire())
        {
            pack = Dotnet(
                Repository.Root, "pack", Repository.Path("src/Lockstep.Sdk/Lockstep.Sdk.csproj"), "--no-restore", "-c", Configuration, "-o", feed,
                $"-p:PackageVersion={version}", $"-p:NuspecOutputPath={Path.Combine(work, "nuspec")}{Path.DirectorySeparatorChar}");
        }

        Assert.True(pack.ExitCode == 0, pack.Output);

        using var package = ZipFile.OpenRead(Path.Combine(feed, $"Lockstep.Sdk.{version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "analyzers/dotnet/cs/Lockstep.Analyzers.dll", "analyzers/dotnet/cs/Lockstep.Analyzers.CodeFixes.dll",
                "build/Lockstep.Sdk.props", "buildTransitive/Lockstep.Sdk.props",
                "lib/net8.0/Lockstep.Sdk.dll", "lib/net8.0/Lockstep.Core.dll", "lib/net10.0/Lockstep.Sdk.dll", "lib/net10.0/Lockstep.Core.dll",
            },
            entries);
    }

    private void WriteSample(string sample, string feed)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Sample");
        Directory.CreateDirectory(Path.Combine(sample, "data"));
        File.WriteAllText(Path.Combine(sample, "Train.csproj"), File.ReadAllText(Path.Combine(source, "Train.csproj.xml")).Replace("$LOCKSTEP_SDK_VERSION$", version, StringComparison.Ordinal));
        File.Copy(Path.Combine(source, "Program.cs"), Path.Combine(sample, "Program.cs"));
        File.Copy(Path.Combine(source, "lockstep.yml"), Path.Combine(sample, "lockstep.yml"));
        File.WriteAllText(Path.Combine(sample, "data", "train.csv"), "x,y\n1,0\n2,1\n");
        File.WriteAllText(Path.Combine(sample, "data", "holdout.csv"), "x,y\n3,1\n");
        var train = Path.Combine(sample, "data", "train.csv");
        File.WriteAllText(Path.Combine(sample, DataLockFile.FileName), DataLockJson.Serialize(new DataLockFile
        {
            Schema = DataLockFile.SchemaId,
            Files = new Dictionary<string, DataPin> { ["data/train.csv"] = new() { Sha256 = TempRepository.Sha256(train), Size = new FileInfo(train).Length } },
        }));

        // The local feed beside the sources the machine already uses (no <clear/>), as a user would add it.
        File.WriteAllText(Path.Combine(sample, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="lockstep-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>Each LS warning once, as <c>file(line,col): id</c> (MSBuild repeats warnings in its summary and per target framework).</summary>
    private static string[] LockstepWarnings(string output) =>
        [.. WarningLine().Matches(output).Select(m => $"{Path.GetFileName(m.Groups["file"].Value)}({m.Groups["position"].Value}): {m.Groups["id"].Value}").Distinct().Order(StringComparer.Ordinal)];

    private static (int ExitCode, string Output) Dotnet(string directory, params string[] arguments) =>
        DotnetProcess.Run(directory, TimeSpan.FromMinutes(5), arguments);

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(\n]*)\((?<position>\d+,\d+)\): warning (?<id>LS\d{4}):", RegexOptions.Multiline)]
    private static partial Regex WarningLine();

    public void Dispose()
    {
        Directory.Delete(work, recursive: true);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(packages, "lockstep.sdk", version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }
    }
}
