using System.Text.Json.Nodes;
using Lockstep.Conventions.Tests;
using Lockstep.Scaffolding.Engine;

namespace Lockstep.Scaffolding.Tests;

/// <summary>
/// The generated workflows put the Lockstep analyzers' warnings into GitHub code scanning: the build writes one SARIF
/// per project, a step merges their LS results into one run, and a job of its own, the only one that may write
/// security events, uploads it under its own category, on pull requests (not from forks) and on main.
/// </summary>
public class CodeScanningTests
{
    private const string Collect = "Collect the Lockstep analyzer warnings";

    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    private static readonly string PullRequest = Render("lockstep-pr.yml");

    [Theory]
    [InlineData("lockstep-pr.yml", "validate")]
    [InlineData("lockstep-delivery.yml", "train")]
    public void The_build_writes_a_sarif_per_project_and_the_job_keeps_the_merged_one_for_the_upload(string workflow, string job)
    {
        var content = Render(workflow);
        var steps = YamlToJson.Convert(content)!["jobs"]![job]!["steps"]!.AsArray().Select(s => s!).ToList();
        var names = steps.Select(s => s["name"]?.GetValue<string>()).ToList();
        var keep = steps.Single(s => s["id"]?.GetValue<string>() == "sarif");

        Assert.Equal("dotnet build --configuration Release -p:LockstepSarifDirectory=artifacts/sarif", WorkflowStep.Find(content, job, "Build")["run"]!.GetValue<string>());
        Assert.Equal(names.IndexOf("Build") + 1, names.IndexOf(Collect));
        Assert.Equal(names.IndexOf(Collect) + 1, steps.IndexOf(keep));
        Assert.Equal("actions/upload-artifact@v4", keep["uses"]!.GetValue<string>());
        Assert.Equal("artifacts/lockstep-analyzers.sarif", keep["with"]!["path"]!.GetValue<string>());
        Assert.Equal("${{ steps.sarif.outputs.artifact-id }}", YamlToJson.Convert(content)!["jobs"]![job]!["outputs"]!["sarif"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("lockstep-pr.yml", "validate")]
    [InlineData("lockstep-delivery.yml", "train")]
    public void Only_the_upload_job_may_write_security_events_and_it_uploads_under_its_own_category(string workflow, string after)
    {
        var root = YamlToJson.Convert(Render(workflow))!;
        var jobs = root["jobs"]!.AsObject();
        var job = jobs["code-scanning"]!;
        var upload = job["steps"]!.AsArray().Single(s => s!["uses"]?.GetValue<string>() == "github/codeql-action/upload-sarif@v4")!;

        Assert.Equal(after, job["needs"]![0]!.GetValue<string>());
        Assert.Equal("""{"contents":"read","actions":"read","security-events":"write"}""", job["permissions"]!.ToJsonString());
        Assert.Null(root["permissions"]!["security-events"]);
        Assert.All(jobs.Where(j => j.Key != "code-scanning"), j => Assert.DoesNotContain("security-events", j.Value!["permissions"]?.ToJsonString() ?? "", StringComparison.Ordinal));
        Assert.Equal("artifacts/lockstep-analyzers.sarif", upload["with"]!["sarif_file"]!.GetValue<string>());
        Assert.Equal("lockstep-analyzers", upload["with"]!["category"]!.GetValue<string>());
        Assert.True(upload["continue-on-error"]!.GetValue<bool>());
        Assert.Contains(job["steps"]!.AsArray(), s => s!["uses"]?.GetValue<string>() == "actions/checkout@v4");
    }

    [Fact]
    public void The_upload_runs_after_a_failing_gate_but_not_for_a_fork_or_without_sarif()
    {
        var condition = YamlToJson.Convert(PullRequest)!["jobs"]!["code-scanning"]!["if"]!.GetValue<string>();

        Assert.Equal("!cancelled() && needs.validate.outputs.sarif != '' && (github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository)", condition);
    }

    [Fact]
    public void Collecting_merges_the_projects_LS_results_into_one_run_with_paths_relative_to_the_repository()
    {
        var workspace = Directory.CreateTempSubdirectory("lockstep-sarif-").FullName;
        try
        {
            var sarif = Directory.CreateDirectory(Path.Combine(workspace, "artifacts", "sarif")).FullName;
            var uri = new Uri(Path.Combine(workspace, "src", "Model.Training", "Train.cs")).AbsoluteUri;
            // As the compiler writes them: each project its own rules and indexes; a multi-targeted project twice.
            File.WriteAllText(Path.Combine(sarif, "Model.Training-net8.0.sarif"), CompilerLog(uri, ("CS0168", 3), ("LS1001", 7)));
            File.WriteAllText(Path.Combine(sarif, "Model.Training-net10.0.sarif"), CompilerLog(uri, ("LS1001", 7)));
            File.WriteAllText(Path.Combine(sarif, "Model.Tests.sarif"), CompilerLog(uri, ("LS2001", 12)));

            var (exitCode, output) = WorkflowStep.Run(PullRequest, "validate", Collect, workspace);

            Assert.True(exitCode == 0, output);
            var merged = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "artifacts", "lockstep-analyzers.sarif")))!;
            var run = Assert.Single(merged["runs"]!.AsArray())!;
            Assert.Equal("2.1.0", merged["version"]!.GetValue<string>());
            Assert.Equal("Lockstep analyzers", run["tool"]!["driver"]!["name"]!.GetValue<string>());
            Assert.Equal(["LS1001", "LS2001"], run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            Assert.Equal(["LS1001 7", "LS2001 12"], run["results"]!.AsArray().Select(r => $"{r!["ruleId"]} {r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]}").Order(StringComparer.Ordinal));
            Assert.All(run["results"]!.AsArray(), r =>
            {
                Assert.Null(r!["ruleIndex"]);
                Assert.Equal("src/Model.Training/Train.cs", r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
            });
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    [Fact]
    public void Without_sarif_collecting_warns_and_leaves_nothing_to_upload()
    {
        var workspace = Directory.CreateTempSubdirectory("lockstep-sarif-").FullName;
        try
        {
            var (exitCode, output) = WorkflowStep.Run(PullRequest, "validate", Collect, workspace);

            Assert.True(exitCode == 0, output);
            Assert.StartsWith("::warning::no SARIF in artifacts/sarif", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(workspace, "artifacts", "lockstep-analyzers.sarif")));
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>A SARIF 2.1 log shaped as the C# compiler's ErrorLog: every loaded rule, results pointing at theirs by index.</summary>
    private static string CompilerLog(string uri, params (string Rule, int Line)[] results)
    {
        var rules = results.Select(r => r.Rule).Prepend("LS3001").Prepend("CA1822").Distinct().ToList();
        var log = new JsonObject
        {
            ["$schema"] = "http://json.schemastore.org/sarif-2.1.0",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "Microsoft (R) Visual C# Compiler",
                        ["rules"] = new JsonArray([.. rules.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["shortDescription"] = new JsonObject { ["text"] = id } })]),
                    },
                },
                ["results"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
                {
                    ["ruleId"] = r.Rule,
                    ["ruleIndex"] = rules.IndexOf(r.Rule),
                    ["level"] = "warning",
                    ["message"] = new JsonObject { ["text"] = r.Rule },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = uri },
                            ["region"] = new JsonObject { ["startLine"] = r.Line, ["startColumn"] = 9 },
                        },
                    }),
                })]),
                ["columnKind"] = "utf16CodeUnits",
            }),
        };
        return log.ToJsonString();
    }

    private static string Render(string workflow) => Scaffolder.Pipelines(new PipelineOptions
    {
        Ci = CiTarget.GitHub,
        Stages = PipelineStages.Parse(string.Join(",", PipelineStages.All), "--stages"),
    }).Single(f => f.Path.EndsWith(workflow, StringComparison.Ordinal)).Content;
}
