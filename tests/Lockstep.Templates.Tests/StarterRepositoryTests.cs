using System.Text.Json.Nodes;

namespace Lockstep.Templates.Tests;

/// <summary>
/// What dotnet new lockstep-ml creates works as it is: it restores from a local feed and the package cache only,
/// builds without Lockstep analyzer warnings, its tests pass, training twice gives the same metrics, and the gate
/// with its own policy passes the card it writes.
/// </summary>
[Collection(TemplatePackUsers.Name)]
public class StarterRepositoryTests(TemplatePack pack)
{
    [Fact]
    public void The_starter_builds_tests_trains_reproducibly_and_passes_its_own_gate()
    {
        var repository = Path.Combine(pack.New("starter", "lockstep-ml", "-n", "ChurnModel", "--ci", "both", "-o", "ChurnModel"), "ChurnModel");
        File.WriteAllText(Path.Combine(repository, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="lockstep" value="{pack.Feed}" />
              </packageSources>
            </configuration>
            """);
        var version = $"-p:LockstepVersion={pack.SdkVersion}";

        var build = Dotnet.Run(repository, "build", version);
        Dotnet.Run(repository, "test", "--no-build", version);
        var first = Train(repository, version, "artifacts/first");
        var second = Train(repository, version, "artifacts/model");
        var (exitCode, gate) = LockstepCli.Run(repository, "gate", "--policy", "lockstep.yml", "--candidate", "artifacts/model/report-card.json");

        Assert.DoesNotContain("warning LS", build, StringComparison.Ordinal);
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
