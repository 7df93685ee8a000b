namespace Lockstep.Cli.Tests;

/// <summary>A mistyped command or option names the one meant, and is a usage error.</summary>
public sealed class UsageErrorsTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Theory]
    [InlineData(new[] { "gat" }, "error: Unrecognized command or argument 'gat' (did you mean 'gate'?)\nSee 'lockstep --help'.\n")]
    [InlineData(new[] { "dorra" }, "error: Unrecognized command or argument 'dorra' (did you mean 'dora'?)\nSee 'lockstep --help'.\n")]
    [InlineData(new[] { "data", "pn" }, "error: Unrecognized command or argument 'pn' (did you mean 'pin'?)\nSee 'lockstep data --help'.\n")]
    [InlineData(new[] { "scaffold", "polcy" }, "error: Unrecognized command or argument 'polcy' (did you mean 'policy'?)\nSee 'lockstep scaffold --help'.\n")]
    [InlineData(new[] { "events", "gihtub" }, "error: Unrecognized command or argument 'gihtub' (did you mean 'github'?)\nSee 'lockstep events --help'.\n")]
    public void A_mistyped_command_suggests_the_nearest_one(string[] args, string expected)
    {
        var run = cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error);
    }

    [Fact]
    public void A_mistyped_option_suggests_the_nearest_one()
    {
        var run = cli.Run("gate", "--candidat", "candidate.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Unrecognized command or argument '--candidat' (did you mean '--candidate'?)\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_far_from_every_command_gets_no_suggestion()
    {
        var run = cli.Run("xyzzy");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Unrecognized command or argument 'xyzzy'.\nSee 'lockstep --help'.\n", run.Error);
    }

    [Fact]
    public void Every_command_has_help_with_an_example()
    {
        var missing = CommandTree.Commands()
            .Prepend(([], CommandTree.Root()))
            .Where(c => FirstExample(c.Command.Description ?? string.Empty) is not { } example || !cli.Run([.. c.Path, "--help"]).Out.Contains(example, StringComparison.Ordinal))
            .Select(c => string.Join(' ', c.Path.Prepend("lockstep")))
            .ToList();

        Assert.True(missing.Count == 0, $"--help without an example: {string.Join(", ", missing)}");
    }

    /// <summary>The first line that runs lockstep under an "Example:" or "Examples:" heading.</summary>
    private static string? FirstExample(string description) =>
        description.Split('\n').SkipWhile(line => !line.StartsWith("Example", StringComparison.Ordinal)).Skip(1)
            .Select(line => line.Trim()).FirstOrDefault(line => line.Contains("lockstep ", StringComparison.Ordinal));
}
