using Lockstep.AzureDevOps;
using Lockstep.Cli.Io;
using Lockstep.GitHub;

namespace Lockstep.Cli.Tests.Io;

public sealed class RunnerLogWriterTests : IDisposable
{
    private readonly StringWriter stdout = new();

    [Fact]
    public void A_command_split_over_writes_and_a_newline_inside_a_value_are_neutralised_line_by_line()
    {
        var runner = new GitHubActionsRunner(stdout, null, null);
        var log = new RunnerLogWriter(stdout, runner);

        log.Write(':');
        log.Write(":err");
        log.Write("or::pwned\nmetric: x\r::warning::");
        log.WriteLine("again");
        log.Write("::notice::no line break");
        log.Complete();

        Assert.Equal(": :error::pwned\nmetric: x\r: :warning::again\n: :notice::no line break", stdout.ToString());
    }

    [Fact]
    public void The_runners_own_commands_start_a_line_even_while_a_line_is_held()
    {
        var runner = new AzurePipelinesRunner(stdout, Path.GetTempPath());
        var log = new RunnerLogWriter(stdout, runner);

        log.Write("gate table ##vso[task.complete result=Succeeded]");
        runner.SetOutput("verdict", "fail");
        log.WriteLine();

        Assert.Equal(
            "##vso[task.setvariable variable=verdict;isOutput=true;]fail\ngate table # #vso[task.complete result=Succeeded]\n",
            stdout.ToString().ReplaceLineEndings("\n"));
    }

    public void Dispose() => stdout.Dispose();
}
