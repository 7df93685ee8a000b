namespace Lockstep.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("pass", 0, "verdict: pass")]
    [InlineData("warn", 0, "verdict: warn")]
    [InlineData("fail", 1, "verdict: fail")]
    public void Each_scenario_shows_its_outcome_and_writes_the_report(string scenario, int exitCode, string verdict)
    {
        var run = cli.Run("demo", "--scenario", scenario);

        Assert.True(exitCode == run.ExitCode, run.ToString());
        Assert.Contains(verdict, run.Out, StringComparison.Ordinal);
        foreach (var file in new[] { "lockstep.yml", "baseline.json", "candidate.json", "result.json", "report.md" })
        {
            Assert.True(cli.Exists(Path.Combine("lockstep-demo", file)), file);
        }
    }

    [Fact]
    public void Fail_scenario_names_the_rollback()
    {
        var run = cli.Run("demo", "--scenario", "fail", "--out-dir", "here");

        Assert.Contains("what to do: Roll back — PSI > 0.25? Roll back. (gate drift-rollback)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Run it yourself: lockstep gate --policy here/lockstep.yml", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_scenario_is_a_usage_error()
    {
        var run = cli.Run("demo", "--scenario", "maybe");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("maybe", run.Error, StringComparison.Ordinal);
        Assert.Contains("See 'lockstep demo --help'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_has_examples() =>
        Assert.Contains("Examples:\n    lockstep demo\n", cli.Run("demo", "--help").Out, StringComparison.Ordinal);

    public void Dispose() => cli.Dispose();
}
