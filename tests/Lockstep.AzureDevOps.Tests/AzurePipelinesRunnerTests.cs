using Lockstep.Core.Platform;

namespace Lockstep.AzureDevOps.Tests;

public sealed class AzurePipelinesRunnerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lockstep-azp-").FullName;
    private readonly StringWriter stdout = new();

    [Fact]
    public void Annotations_are_logissue_commands_with_the_title_before_the_message()
    {
        var runner = new AzurePipelinesRunner(stdout, directory);

        runner.Annotate(new Annotation(AnnotationLevel.Error, "0.31 > 0.25;\nroll back", "lockstep.yml", 7, "Gate 'psi' failed"));
        runner.Annotate(new Annotation(AnnotationLevel.Warning, "watch"));

        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=lockstep.yml;linenumber=7;]Gate 'psi' failed: 0.31 > 0.25;%0Aroll back\n" +
            "##vso[task.logissue type=warning;]watch\n",
            stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Outputs_are_output_variables_with_camel_case_names()
    {
        var runner = new AzurePipelinesRunner(stdout, directory);

        runner.SetOutput("failed-gates", "psi,auc");
        runner.SetOutput("verdict", "fail");

        Assert.Equal(
            "##vso[task.setvariable variable=failedGates;isOutput=true;]psi,auc\n##vso[task.setvariable variable=verdict;isOutput=true;]fail\n",
            stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Summary_is_written_to_a_file_and_uploaded()
    {
        var runner = new AzurePipelinesRunner(stdout, directory);

        runner.AppendSummary("## first");
        runner.AppendSummary("## second");

        var first = Path.Combine(directory, "lockstep-summary.md");
        var second = Path.Combine(directory, "lockstep-summary-2.md");
        Assert.Equal("## first", File.ReadAllText(first));
        Assert.Equal("## second", File.ReadAllText(second));
        Assert.Equal($"##vso[task.uploadsummary]{first}\n##vso[task.uploadsummary]{second}\n", stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(RunOutcome.Succeeded, "##vso[task.complete result=Succeeded;]Lockstep gate: pass")]
    [InlineData(RunOutcome.SucceededWithIssues, "##vso[task.complete result=SucceededWithIssues;]Lockstep gate: pass")]
    [InlineData(RunOutcome.Failed, "##vso[task.complete result=Failed;]Lockstep gate: pass")]
    public void Completion_sets_the_task_result(RunOutcome outcome, string expected)
    {
        new AzurePipelinesRunner(stdout, directory).Complete(outcome, "Lockstep gate: pass");

        Assert.Equal(expected + "\n", stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("##vso[task.complete result=Succeeded]", "# #vso[task.complete result=Succeeded]")]
    [InlineData("slice EU ##VSO[task.setvariable variable=verdict]pass", "slice EU # #VSO[task.setvariable variable=verdict]pass")]
    [InlineData("##[error]pwned", "# #[error]pwned")]
    [InlineData("x ##[group]y", "x # #[group]y")]
    [InlineData("###vso[task.complete]", "## #vso[task.complete]")]
    [InlineData("::error::stays, Azure does not read it", "::error::stays, Azure does not read it")]
    [InlineData("# heading ## vso [", "# heading ## vso [")]
    public void Text_the_agent_would_read_as_a_command_is_neutralised(string line, string printed) =>
        Assert.Equal(printed, new AzurePipelinesRunner(stdout, directory).NeutraliseLine(line));

    [Fact]
    public void The_text_of_its_own_commands_cannot_carry_another_command()
    {
        var runner = new AzurePipelinesRunner(stdout, directory);

        runner.Annotate(new Annotation(AnnotationLevel.Error, "x\n##vso[task.complete result=Succeeded]", "lockstep.yml", 7, "Gate 'psi' failed"));
        runner.Complete(RunOutcome.Failed, "Lockstep gate: fail ##vso[task.complete result=Succeeded]");
        runner.MaskSecret("pat;0]");

        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=lockstep.yml;linenumber=7;]Gate 'psi' failed: x%0A# #vso[task.complete result=Succeeded]\n" +
            "##vso[task.complete result=Failed;]Lockstep gate: fail # #vso[task.complete result=Succeeded]\n" +
            "##vso[task.setsecret]pat;0]\n",
            stdout.ToString().ReplaceLineEndings("\n"));
    }

    public void Dispose()
    {
        stdout.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
