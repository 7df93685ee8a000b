using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;

namespace Lockstep.Templates.Tests;

/// <summary>
/// What dotnet new lockstep-ml creates works as it is: it restores from a local feed and the package cache only,
/// builds without Lockstep analyzer warnings, its tests pass, training twice gives the same metrics, and the gate
/// with its own policy passes the card it writes. Built as the pull request check builds it, every project writes a
/// SARIF 2.1 log, and the check's collect step makes of them the one run code scanning takes.
/// </summary>
[Collection(TemplatePackUsers.Name)]
public class StarterRepositoryTests(TemplatePack pack)
{
    [Fact]
    public void The_starter_builds_tests_trains_reproducibly_and_passes_its_own_gate()
    {
        var repository = Path.Combine(pack.New("starter", "lockstep-ml", "-n", "ChurnModel", "--ci", "both", "-o", "ChurnModel"), "ChurnModel");
        pack.RestoreFromFeed(repository);
        var version = $"-p:LockstepVersion={pack.SdkVersion}";
        // One finding planted beside the starter's code, so the SARIF has an LS result to carry.
        File.WriteAllText(Path.Combine(repository, "src/ChurnModel.Training/Planted.cs"), "namespace ChurnModel.Training;\n\ninternal static class Planted\n{\n    public static Random Jitter() => new Random();\n}\n");

        var build = Dotnet.Run(repository, "build", version, "-p:LockstepSarifDirectory=artifacts/sarif");
        Dotnet.Run(repository, "test", "--no-build", version);
        var first = Train(repository, version, "artifacts/first");
        var second = Train(repository, version, "artifacts/model");
        var (exitCode, gate) = LockstepCli.Run(repository, "gate", "--policy", "lockstep.yml", "--candidate", "artifacts/model/report-card.json");
        var (collected, collecting) = WorkflowStep.Run(File.ReadAllText(Path.Combine(repository, ".github/workflows/lockstep-pr.yml")), "validate", "Collect the Lockstep analyzer warnings", repository);

        Assert.All(build.Split('\n').Where(line => line.Contains("warning LS", StringComparison.Ordinal)), line => Assert.Contains("Planted.cs(5,", line, StringComparison.Ordinal));
        Assert.Equal(["ChurnModel.Tests.sarif", "ChurnModel.Training.sarif"], Directory.GetFiles(Path.Combine(repository, "artifacts/sarif")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Equal("2.1.0", JsonNode.Parse(File.ReadAllText(Path.Combine(repository, "artifacts/sarif/ChurnModel.Training.sarif")))!["version"]!.GetValue<string>());
        Assert.True(collected == 0, collecting);
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, "artifacts/lockstep-analyzers.sarif")))!["runs"]!.AsArray().Single()!;
        var result = Assert.Single(run["results"]!.AsArray())!;
        Assert.Equal("LS1001", result["ruleId"]!.GetValue<string>());
        Assert.Equal("src/ChurnModel.Training/Planted.cs", result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal(5, result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>());
        Assert.Equal("LS1001", Assert.Single(run["tool"]!["driver"]!["rules"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Contains("analyzers/dotnet/cs/Lockstep.Analyzers.dll", File.ReadAllText(Path.Combine(repository, "src/ChurnModel.Training/obj/project.assets.json")), StringComparison.Ordinal);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.InRange(second["auc"]!.GetValue<double>(), 0.7, 1);
        Assert.True(exitCode == 0, gate);
        Assert.Contains("verdict: pass", gate, StringComparison.Ordinal);
    }

    private static JsonNode Train(string repository, string version, string output)
    {
        Dotnet.Run(repository, "run", "--project", "src/ChurnModel.Training", "--no-build", version, "--", "--out", output);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(repository, output, "report-card.json")))!["metrics"]!;
    }
}
