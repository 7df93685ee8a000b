using Lockstep.Core.Platform;

namespace Lockstep.GitHub.Tests;

public sealed class GitHubActionsRunnerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lockstep-gh-").FullName;
    private readonly StringWriter stdout = new();

    private string OutputFile => Path.Combine(directory, "output");

    private string SummaryFile => Path.Combine(directory, "summary");

    [Fact]
    public void Annotations_are_workflow_commands_with_escaped_file_line_and_title()
    {
        var runner = new GitHubActionsRunner(stdout, OutputFile, SummaryFile);

        runner.Annotate(new Annotation(AnnotationLevel.Error, "PSI > 0.25? Roll back.\n0.31 > 0.25 (100%)", "policies/lock,step.yml", 7, "Gate 'psi': failed"));
        runner.Annotate(new Annotation(AnnotationLevel.Warning, "watch"));

        Assert.Equal(
            "::error file=policies/lock%2Cstep.yml,line=7,title=Gate 'psi'%3A failed::PSI > 0.25? Roll back.%0A0.31 > 0.25 (100%25)\n" +
            "::warning::watch\n",
            stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Single_line_outputs_are_name_value_lines()
    {
        var runner = new GitHubActionsRunner(stdout, OutputFile, SummaryFile);

        runner.SetOutput("verdict", "fail");
        runner.SetOutput("failed-gates", "psi,auc");

        Assert.Equal("verdict=fail\nfailed-gates=psi,auc\n", File.ReadAllText(OutputFile));
    }

    [Fact]
    public void Multi_line_outputs_use_a_heredoc_delimiter()
    {
        var runner = new GitHubActionsRunner(stdout, OutputFile, SummaryFile, () => "ghadelimiter_1");

        runner.SetOutput("report", "line one\nline two");

        Assert.Equal("report<<ghadelimiter_1\nline one\nline two\nghadelimiter_1\n", File.ReadAllText(OutputFile));
    }

    [Fact]
    public void A_value_containing_the_delimiter_is_refused()
    {
        var runner = new GitHubActionsRunner(stdout, OutputFile, SummaryFile, () => "EOF");

        Assert.Throws<InvalidOperationException>(() => runner.SetOutput("report", "a\nEOF\nb"));
    }

    [Fact]
    public void Default_delimiter_is_random_per_output()
    {
        var runner = new GitHubActionsRunner(stdout, OutputFile, SummaryFile);

        runner.SetOutput("a", "1\n2");
        runner.SetOutput("b", "1\n2");

        var delimiters = File.ReadAllLines(OutputFile).Where(l => l.Contains("<<", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("<<", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Equal(2, delimiters.Distinct().Count());
        Assert.All(delimiters, d => Assert.StartsWith("ghadelimiter_", d, StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_is_appended_not_overwritten()
    {
        File.WriteAllText(SummaryFile, "earlier step\n");
        var runner = new GitHubActionsRunner(stdout, OutputFile, SummaryFile);

        runner.AppendSummary("## Lockstep");

        Assert.Equal("earlier step\n## Lockstep\n", File.ReadAllText(SummaryFile));
    }

    [Fact]
    public void Without_GITHUB_OUTPUT_outputs_are_reported_as_debug_lines()
    {
        var runner = new GitHubActionsRunner(stdout, outputFile: null, summaryFile: null);

        runner.SetOutput("verdict", "pass");
        runner.AppendSummary("ignored");

        Assert.Equal("::debug::GITHUB_OUTPUT is not set; output 'verdict' not written\n", stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("::error::pwned", ": :error::pwned")]
    [InlineData("  ::add-mask::secret", "  : :add-mask::secret")]
    [InlineData("\t::stop-commands::token", "\t: :stop-commands::token")]
    [InlineData("::::", ": :::")]
    [InlineData("##[set-output name=verdict;]pass", "# #[set-output name=verdict;]pass")]
    [InlineData("metric ##[error]x and ##vso[task.complete]", "metric # #[error]x and ##vso[task.complete]")]
    [InlineData("auc: 0.91 :: fine", "auc: 0.91 :: fine")]
    [InlineData("", "")]
    public void A_line_that_the_runner_would_read_as_a_command_is_neutralised(string line, string printed) =>
        Assert.Equal(printed, new GitHubActionsRunner(stdout, null, null).NeutraliseLine(line));

    [Fact]
    public void A_secret_is_masked_with_add_mask()
    {
        new GitHubActionsRunner(stdout, null, null).MaskSecret("ghs_0123");

        Assert.Equal("::add-mask::ghs_0123\n", stdout.ToString().ReplaceLineEndings("\n"));
    }

    public void Dispose()
    {
        stdout.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
