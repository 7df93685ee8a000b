using Lockstep.Core.Policy;

namespace Lockstep.Cli.Tests.Commands;

public sealed class ScaffoldCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public void Policy_then_runbook_from_it()
    {
        var policy = cli.Run("scaffold", "policy", "--first-model", "allow");
        var runbook = cli.Run("scaffold", "runbook", "--policy", "lockstep.yml");

        Assert.Equal("created lockstep.yml\n", policy.Out);
        Assert.Equal("created RUNBOOK.md\n", runbook.Out);
        Assert.Equal(FirstModelRule.Allow, PolicyReader.Parse(cli.Read("lockstep.yml"), "lockstep.yml").FirstModel);
        Assert.Contains("1. **Is drift.psi.max above 0.25?** Roll back.", cli.Read("RUNBOOK.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipelines_go_under_out_with_their_own_manifest()
    {
        var run = cli.Run("scaffold", "pipeline", "--ci", "both", "--stages", "validate,train,promote", "--out", "repo");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "created repo/.github/workflows/lockstep-pr.yml\ncreated repo/.github/workflows/lockstep-delivery.yml\ncreated repo/azure-pipelines.yml\ncreated repo/deploy/serve.sh\n",
            run.Out);
        Assert.Contains("\".github/workflows/lockstep-pr.yml\": \"sha256:", cli.Read("repo/.lockstep/generated.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("environment: shadow", cli.Read("repo/.github/workflows/lockstep-delivery.yml"), StringComparison.Ordinal);
        Assert.Contains("delivery on main, train → promote.", cli.Read("repo/.github/workflows/lockstep-delivery.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_override_of_a_template_is_used_and_its_errors_name_the_position()
    {
        cli.Write(".lockstep/templates/runbook.md.sbn", "# Our runbook\n{{ for step in steps }}- {{ step.question }}\n{{ end }}");
        cli.Run("scaffold", "policy");

        var run = cli.Run("scaffold", "runbook");
        cli.Write(".lockstep/templates/runbook.md.sbn", "# Our runbook\n\n  {{ step.questoin }}\n");
        var broken = cli.Run("scaffold", "runbook", "--out", "OTHER.md");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("# Our runbook\n- Is drift.psi.max above 0.25?\n", cli.Read("RUNBOOK.md"), StringComparison.Ordinal);
        Assert.Equal(2, broken.ExitCode);
        Assert.Equal("error: .lockstep/templates/runbook.md.sbn(3,6): The variable or function `step` was not found\n", broken.Error);
        Assert.False(cli.Exists("OTHER.md"));
    }

    [Theory]
    [InlineData(new[] { "scaffold", "pipeline", "--ci", "gitlab" }, "error: Argument 'gitlab' not recognized.")]
    [InlineData(new[] { "scaffold", "pipeline", "--ci", "github", "--stages", "train,deploy" }, "error: --stages: unknown stage 'deploy'")]
    [InlineData(new[] { "scaffold", "pipeline", "--ci", "github", "--stages", "canary" }, "error: --stages: every delivery stage needs 'train'")]
    [InlineData(new[] { "scaffold", "pipeline", "--ci", "github", "--stages", "train,evaluate,drill" }, "error: --stages: 'drill' needs 'promote'")]
    [InlineData(new[] { "scaffold", "pipeline", "--ci", "github", "--canary-percent", "0" }, "error: --canary-percent: expected a whole number from 1 to 50, got 0")]
    [InlineData(new[] { "scaffold", "pipeline", "--ci", "github", "--training-project", "../elsewhere" }, "error: --training-project: '../elsewhere' is not a relative path")]
    [InlineData(new[] { "scaffold", "runbook", "--policy", "nope.yml" }, "error: nope.yml: file not found")]
    [InlineData(new[] { "scaffold", "repo", "--name", "churn model" }, "error: --name: 'churn model' is not a C# identifier")]
    public void Bad_input_is_one_line_and_exit_code_2(string[] args, string error)
    {
        var run = cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(cli.Directory));
    }

    [Theory]
    [InlineData("card")]
    [InlineData("scaffold")]
    [InlineData("scaffold", "pipeline")]
    [InlineData("scaffold", "policy")]
    [InlineData("scaffold", "runbook")]
    [InlineData("scaffold", "repo")]
    public void Help_has_examples(params string[] command)
    {
        var run = cli.Run([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($"Examples:\n +lockstep {string.Join(' ', command)}[ \n]", run.Out);
    }

    public void Dispose() => cli.Dispose();
}
