namespace Lockstep.Cli.Tests;

/// <summary>
/// Text from the inputs never becomes a runner command: a policy whose gate message and metric names carry
/// workflow and logging commands, gated on each platform, prints them neutralised, while Lockstep's own commands work.
/// </summary>
public sealed class RunnerSelectionTests : IDisposable
{
    private readonly CliHarness cli = new();

    public RunnerSelectionTests()
    {
        cli.Write("lockstep.yml", """
            version: 1
            gates:
              - id: hostile-message
                metric: auc
                min: 0.9
                action: block
                message: "x\n##vso[task.complete result=Succeeded]\n::error::pwned"
              - id: hostile-metric
                metric: "::error::pwned ##[error]"
                higher_is_better: false
                max: 0.25
            """);
        cli.Write("candidate.json", """
            { "schema": "lockstep.report-card/v1",
              "model": { "name": "::add-mask::churn", "version": "1", "task": "binary-classification" },
              "metrics": { "auc": 0.8, "::error::pwned ##[error]": 0.1 } }
            """);
    }

    private const string Table = """
        Gate             Metric                    Candidate  Baseline  Delta  Bound   Status
        ---------------  ------------------------  ---------  --------  -----  ------  ------------
        hostile-message  auc                       0.8        -         -      ≥ 0.9   fail (block)
        hostile-metric   ::error::pwned # #[error]  0.1        -         -      ≤ 0.25  pass

        hostile-message: 0.8 is below the minimum 0.9
        verdict: fail

        """;

    [Fact]
    public void On_GitHub_no_line_from_the_inputs_starts_a_workflow_command()
    {
        cli.Environment["GITHUB_ACTIONS"] = "true";
        cli.Environment["GITHUB_OUTPUT"] = Path.Combine(cli.Directory, "output");

        var run = cli.Run("gate", "--policy", "lockstep.yml", "--candidate", "candidate.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            Table +
            "what to do: Block the merge — x\n" +
            "##vso[task.complete result=Succeeded]\n" +
            ": :error::pwned (gate hostile-message)\n" +
            "::error file=lockstep.yml,line=3,title=Lockstep gate 'hostile-message' failed (block)::x%0A##vso[task.complete result=Succeeded]%0A::error::pwned 0.8 is below the minimum 0.9\n",
            run.Out);
        Assert.Equal("verdict=fail\naction=block\nfailed-gates=hostile-message\n", cli.Read("output"));
    }

    [Fact]
    public void On_Azure_Pipelines_no_text_from_the_inputs_becomes_a_logging_command_and_the_task_completes_once()
    {
        var temp = Path.Combine(cli.Directory, "agent-temp");
        cli.Environment["TF_BUILD"] = "True";
        cli.Environment["AGENT_TEMPDIRECTORY"] = temp;

        var run = cli.Run("gate", "--policy", "lockstep.yml", "--candidate", "candidate.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            Table +
            "what to do: Block the merge — x\n" +
            "# #vso[task.complete result=Succeeded]\n" +
            "::error::pwned (gate hostile-message)\n" +
            "##vso[task.logissue type=error;sourcepath=lockstep.yml;linenumber=3;]Lockstep gate 'hostile-message' failed (block): x%0A# #vso[task.complete result=Succeeded]%0A::error::pwned 0.8 is below the minimum 0.9\n" +
            "##vso[task.setvariable variable=verdict;isOutput=true;]fail\n" +
            "##vso[task.setvariable variable=action;isOutput=true;]block\n" +
            "##vso[task.setvariable variable=failedGates;isOutput=true;]hostile-message\n" +
            $"##vso[task.uploadsummary]{temp}/lockstep-summary.md\n" +
            "##vso[task.complete result=Failed;]Lockstep gate: fail\n",
            run.Out);
    }

    [Theory]
    // The error line shows the line break escaped, so '::' starts no line; '##[' is neutralised on both platforms.
    [InlineData("GITHUB_ACTIONS", "true", "error: lockstep.yml:4:13: gates[hostile].metric: unknown metric '\\n::error::pwned # #[error]'")]
    [InlineData("TF_BUILD", "True", "error: lockstep.yml:4:13: gates[hostile].metric: unknown metric '\\n::error::pwned # #[error]'")]
    public void An_error_line_on_standard_error_is_neutralised_too(string variable, string value, string expected)
    {
        cli.Environment[variable] = value;
        cli.Write("lockstep.yml", """
            version: 1
            gates:
              - id: hostile
                metric: "\n::error::pwned ##[error]"
                max: 0.25
            """);

        var run = cli.Run("gate", "--policy", "lockstep.yml", "--candidate", "candidate.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", "::error::pwned", ": :error::pwned  numeric")]
    [InlineData("TF_BUILD", "True", "##vso[task.complete result=Succeeded]", "# #vso[task.complete result=Succeeded]  numeric")]
    public void Every_command_is_covered_a_CSV_header_in_the_drift_table_too(string variable, string value, string header, string row)
    {
        cli.Environment[variable] = value;
        cli.Environment["AGENT_TEMPDIRECTORY"] = cli.Directory;
        cli.Write("reference.csv", $"{header},b\n1,2\n2,3\n3,4\n4,5\n");
        cli.Write("current.csv", $"{header},b\n1,2\n2,3\n5,4\n6,5\n");

        var run = cli.Run("drift", "--reference", "reference.csv", "--current", "current.csv", "--out", "drift.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\n" + row, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\n" + header, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Locally_nothing_is_changed()
    {
        var run = cli.Run("gate", "--policy", "lockstep.yml", "--candidate", "candidate.json");

        Assert.Contains("hostile-metric   ::error::pwned ##[error]  0.1", run.Out, StringComparison.Ordinal);
        Assert.Contains("\n::error::pwned (gate hostile-message)\n", run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();
}
