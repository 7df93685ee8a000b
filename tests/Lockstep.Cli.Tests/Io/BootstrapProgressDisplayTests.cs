using Lockstep.Cli.Io;
using Microsoft.Extensions.Time.Testing;

namespace Lockstep.Cli.Tests.Io;

/// <summary>Eval's computing line: the resamples done on a terminal, one summary line in a log.</summary>
public sealed class BootstrapProgressDisplayTests : IDisposable
{
    private readonly StringWriter error = new();
    private readonly FakeTimeProvider clock = new();

    public void Dispose() => error.Dispose();

    [Fact]
    public void A_terminal_shows_the_share_of_resamples_done()
    {
        using var display = new BootstrapProgressDisplay(1_000_000, 1000, Context(terminal: true));
        clock.Advance(TimeSpan.FromMilliseconds(150));

        display.Report(0.25);

        var frames = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("computing metrics for 1,000,000 rows…\u001b[K", frames[0]);
        Assert.Equal("bootstrap:  25.0% of 1,000 resamples of 1,000,000 rows\u001b[K", frames[1]);
    }

    [Fact]
    public void A_log_gets_only_the_summary()
    {
        using var display = new BootstrapProgressDisplay(1_000_000, 1000, Context(terminal: false));
        display.Report(0.5);
        clock.Advance(TimeSpan.FromSeconds(3.2));

        display.Done();

        Assert.Equal("bootstrap: 1,000 resamples of 1,000,000 rows in 3.2 s\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Without_a_bootstrap_nothing_is_printed_when_done()
    {
        using var display = new BootstrapProgressDisplay(10, 0, Context(terminal: false));

        display.Done();

        Assert.Empty(error.ToString());
    }

    private CliContext Context(bool terminal) =>
        new(TextWriter.Null, error, new Dictionary<string, string>(StringComparer.Ordinal) { ["TERM"] = "xterm-256color" }, Path.GetTempPath(), OutputIsTerminal: false)
        {
            ErrorIsTerminal = terminal,
            Clock = clock,
        };
}
