using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;

namespace Lockstep.Templates.Tests;

/// <summary>
/// The starter's model can be rebuilt from one git SHA. The generated drill's own steps, run on a clean clone, check
/// out the commit the registered card names, restore and verify the pinned data without the live source, build,
/// train and rebuild-check: identical. Data changed after the card was written is refused by its pin (by the
/// feature-store drill's verification and by the training), and once pinned again rebuild-check fails naming the pin.
/// </summary>
[Collection(TemplatePackUsers.Name)]
public class StarterDrillTests(TemplatePack pack)
{
    private const string Drill = ".github/workflows/lockstep-drill.yml";

    private const string Job = "model-registry";

    [Fact]
    public void A_clean_checkout_of_the_registered_commit_rebuilds_an_identical_model_and_a_changed_data_file_is_named_by_its_pin()
    {
        var root = pack.New("drill", "lockstep-ml", "-n", "ChurnModel", "--ci", "github", "-o", "ChurnModel");
        var origin = Path.Combine(root, "ChurnModel");
        UseTheTestPackages(origin);
        GitCommand.Run(origin, "init", "--quiet");
        GitCommand.Run(origin, "add", "--all");
        var commit = GitCommand.Commit(origin, "Start from lockstep-ml");
        // What delivery does on main: build, train, and keep the card of the model it registers.
        Dotnet.Run(origin, "build", "--configuration", "Release");
        Dotnet.Run(origin, "run", "--project", "src/ChurnModel.Training", "--configuration", "Release", "--no-build", "--", "--out", "artifacts/model");
        // Main moves on: the drill runs at a later commit than the registered model's.
        File.AppendAllText(Path.Combine(origin, "README.md"), "\nA later change.\n");
        GitCommand.Run(origin, "add", "README.md");
        var later = GitCommand.Commit(origin, "A later change");

        var clone = Path.Combine(root, "rebuild");
        GitCommand.Run(root, "clone", "--quiet", origin, clone);
        Directory.CreateDirectory(Path.Combine(clone, "artifacts/registered"));
        File.Copy(Path.Combine(origin, "artifacts/model/report-card.json"), Path.Combine(clone, "artifacts/registered/report-card.json"));
        var drill = File.ReadAllText(Path.Combine(clone, Drill));
        var environment = RunnerEnvironment(root);
        environment["GITHUB_SHA"] = later;

        var rebuilt = new[] { "Check out the registered commit", "Build", "Rebuild the model" }
            .Select(step => (step, WorkflowStep.Run(drill, Job, step, clone, environment, TimeSpan.FromMinutes(4))))
            .ToList();
        var restored = FeatureStoreLost(drill, clone, environment);
        var (identical, identicalOutput) = WorkflowStep.Run(drill, Job, "Compare with the registered card", clone, environment);
        var summary = File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]);
        var check = Card(clone, "artifacts/drill/rebuild-check.json");
        var rebuiltCard = Card(clone, "artifacts/rebuilt/report-card.json");

        var data = Path.Combine(clone, "data/dataset.csv");
        var lines = File.ReadAllLines(data);
        lines[1] = "1" + lines[1];
        File.WriteAllLines(data, lines);
        var changed = FeatureStoreLost(drill, clone, environment);
        var (refused, refusedOutput) = WorkflowStep.Run(drill, Job, "Rebuild the model", clone, environment, TimeSpan.FromMinutes(2));
        var (pinned, pinning) = LockstepCli.Run(clone, "data", "pin", "data/dataset.csv");
        var (retrained, retraining) = WorkflowStep.Run(drill, Job, "Rebuild the model", clone, environment, TimeSpan.FromMinutes(2));
        var (differs, differsOutput) = WorkflowStep.Run(drill, Job, "Compare with the registered card", clone, environment);

        Assert.Equal(commit, Card(origin, "artifacts/model/report-card.json")["run"]!["commit"]!.GetValue<string>());
        Assert.All(rebuilt, r => Assert.True(r.Item2.ExitCode == 0, $"{r.step}: {r.Item2.Output}"));
        Assert.Equal(commit, GitCommand.Run(clone, "rev-parse", "HEAD"));
        Assert.Equal(commit, rebuiltCard["run"]!["commit"]!.GetValue<string>());
        Assert.All(restored, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.True(identical == 0, identicalOutput);
        Assert.Contains("identical", identicalOutput, StringComparison.Ordinal);
        Assert.Equal("identical", check["verdict"]!.GetValue<string>());
        Assert.Equal(
            Card(origin, "artifacts/model/report-card.json")["metrics"]!.ToJsonString(),
            rebuiltCard["metrics"]!.ToJsonString());
        Assert.Contains("identical", summary, StringComparison.Ordinal);

        Assert.Equal(0, changed[0].ExitCode);
        Assert.Equal(1, changed[1].ExitCode);
        Assert.Contains("data/dataset.csv", changed[1].Output, StringComparison.Ordinal);
        Assert.NotEqual(0, refused);
        Assert.Contains("data/dataset.csv", refusedOutput, StringComparison.Ordinal);
        Assert.Contains("does not match its pin", refusedOutput, StringComparison.Ordinal);
        Assert.True(pinned == 0, pinning);
        Assert.True(retrained == 0, retraining);
        Assert.Equal(1, differs);
        Assert.Contains("data pin 'train' (data/dataset.csv): sha256 ", differsOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("run.commit", differsOutput, StringComparison.Ordinal);
        Assert.Equal("differs", Card(clone, "artifacts/drill/rebuild-check.json")["verdict"]!.GetValue<string>());
    }

    /// <summary>The feature-store drill's own steps, with the live data source lost: restore the pinned data, verify every pin.</summary>
    private static List<(int ExitCode, string Output)> FeatureStoreLost(string drill, string clone, Dictionary<string, string> environment) =>
        new[] { "Restore the pinned data without the feature store", "Verify the data against its pins" }
            .Select(step => WorkflowStep.Run(drill, "feature-store", step, clone, new Dictionary<string, string>(environment) { ["LOCKSTEP_DRILL"] = "feature-store" }))
            .ToList();

    /// <summary>The repository restores Lockstep.Sdk from the test feed, at the version packed for this test run.</summary>
    private void UseTheTestPackages(string repository)
    {
        pack.RestoreFromFeed(repository);
        var props = Path.Combine(repository, "Directory.Build.props");
        File.WriteAllText(props, System.Text.RegularExpressions.Regex.Replace(
            File.ReadAllText(props), "<LockstepVersion>[^<]*</LockstepVersion>", $"<LockstepVersion>{pack.SdkVersion}</LockstepVersion>"));
    }

    /// <summary>
    /// What a runner gives the steps: lockstep on the PATH (this build's, run by dotnet), a step summary file, and no
    /// MSBuild node or compiler server left behind to hold the step's output open.
    /// </summary>
    private static Dictionary<string, string> RunnerEnvironment(string root)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root, "runner-bin")).FullName;
        var lockstep = Path.Combine(bin, "lockstep");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        File.WriteAllText(lockstep, $"#!/usr/bin/env bash\nexec \"{dotnet}\" \"{Path.Combine(AppContext.BaseDirectory, "lockstep.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(lockstep, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(root, "step-summary.md"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };
    }

    private static JsonNode Card(string repository, string path) => JsonNode.Parse(File.ReadAllText(Path.Combine(repository, path)))!;
}
