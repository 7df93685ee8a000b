using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>What `lockstep gate` prints and writes on each CI platform, compared with golden files.</summary>
public sealed class CiOutputTests : IDisposable
{
    private readonly CliHarness cli = new();

    private static readonly string[] Args =
        ["gate", "--policy", "lockstep.yml", "--candidate", "candidate.json", "--baseline", "baseline.json", "--markdown", "report.md"];

    public CiOutputTests()
    {
        cli.WriteDemoInputs("fail");

        // A message with every character the platforms escape.
        var policy = cli.Read("lockstep.yml").Replace(
            "\"P99 latency over 150 ms blocks the release.\"",
            "\"P99 > 150 ms: 100% blocked; see [runbook], step 3\\r\\nthen retry\"",
            StringComparison.Ordinal);
        cli.Write("lockstep.yml", policy);
    }

    [Fact]
    public void GitHub_actions_gets_annotations_outputs_and_a_step_summary()
    {
        cli.Environment["GITHUB_ACTIONS"] = "true";
        cli.Environment["GITHUB_OUTPUT"] = Path.Combine(cli.Directory, "github_output");
        cli.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(cli.Directory, "step_summary");

        var run = cli.Run(Args);

        Assert.Equal(1, run.ExitCode);
        GoldenFile.AssertMatches("gate-fail.github.txt", WorkflowCommandLines(run.Out, "::"));
        Assert.Equal("verdict=fail\naction=rollback\nfailed-gates=drift-rollback,auc-regression,p99-latency,drift-watch,auc-floor-eu\nreport-path=report.md\n", cli.Read("github_output"));
        Assert.Equal(cli.Read("report.md") + "", cli.Read("step_summary"));
    }

    [Fact]
    public void Azure_pipelines_gets_issues_output_variables_a_summary_and_the_task_result()
    {
        var temp = Path.Combine(cli.Directory, "agent-temp");
        cli.Environment["TF_BUILD"] = "True";
        cli.Environment["AGENT_TEMPDIRECTORY"] = temp;

        var run = cli.Run(Args);

        Assert.Equal(1, run.ExitCode);
        GoldenFile.AssertMatches("gate-fail.azure.txt", WorkflowCommandLines(run.Out, "##vso[").Replace(temp, "<AGENT_TEMPDIRECTORY>", StringComparison.Ordinal));
        Assert.Equal(cli.Read("report.md"), File.ReadAllText(Path.Combine(temp, "lockstep-summary.md")));
    }

    [Fact]
    public void Locally_no_ci_commands_are_printed()
    {
        var run = cli.Run(Args);

        Assert.DoesNotContain("::", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("##vso[", run.Out, StringComparison.Ordinal);
    }

    private static string WorkflowCommandLines(string output, string prefix) =>
        string.Concat(output.Split('\n').Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).Select(line => line + "\n"));

    public void Dispose() => cli.Dispose();
}
