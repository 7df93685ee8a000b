using Lockstep.Cli.Io;
using Lockstep.Data;

namespace Lockstep.Cli.Tests.Io;

/// <summary>The progress lines on a fake standard error: a terminal, <c>TERM=dumb</c>, a log; interrupted or done.</summary>
public sealed class ProgressDisplayTests : IDisposable
{
    private const char Escape = '\u001b';

    private readonly StringWriter error = new();
    private readonly ManualClock clock = new();

    public void Dispose() => error.Dispose();

    [Fact]
    public void Two_files_read_at_once_get_one_line_each()
    {
        var lines = new TerminalLines(Context(terminal: true), 2);
        using var reference = new ReadProgressDisplay("train.csv", Context(terminal: true), lines.Row(0));
        using var current = new ReadProgressDisplay("serving.csv", Context(terminal: true), lines.Row(1));

        reference.Report(new ReadProgress(1_000_000, 4_000_000, 65_536));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        current.Report(new ReadProgress(2_000_000, 4_000_000, 65_536));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        reference.Report(new ReadProgress(2_000_000, 4_000_000, 131_072));

        var frames = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, frames.Length);
        Assert.Equal("reading train.csv:  25.0%  65,536 rows\u001b[K", frames[0]);
        Assert.Equal("reading train.csv:  25.0%  65,536 rows\u001b[K\nreading serving.csv:  50.0%  65,536 rows\u001b[K", frames[1]);
        Assert.Equal("\u001b[1Areading train.csv:  50.0%  131,072 rows\u001b[K\nreading serving.csv:  50.0%  65,536 rows\u001b[K", frames[2]);
        Assert.All(frames.SelectMany(f => f.Split('\n')), line => Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "reading ")));
    }

    [Fact]
    public void A_note_is_printed_on_a_line_of_its_own_and_the_progress_is_drawn_again_below_it()
    {
        var line = new TerminalLines(Context(terminal: true), 1).Row(0);
        line.Draw(() => "GitHub: 3 requests");

        line.WriteAbove("note: waiting 2 s to try again: GET /x answered 502");
        line.Draw(() => "GitHub: 4 requests");

        Assert.Equal(
            $"\rGitHub: 3 requests\u001b[K\r\u001b[Jnote: waiting 2 s to try again: GET /x answered 502{Environment.NewLine}\rGitHub: 4 requests\u001b[K",
            error.ToString());
    }

    [Fact]
    public void A_note_in_a_log_is_just_the_note()
    {
        var line = new TerminalLines(Context(terminal: false), 1).Row(0);
        line.Draw(() => "GitHub: 3 requests");

        line.WriteAbove("note: waiting 2 s to try again: GET /x answered 502");

        Assert.Equal("note: waiting 2 s to try again: GET /x answered 502\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Done_clears_every_line_and_leaves_one_summary_per_file()
    {
        var context = Context(terminal: true);
        var lines = new TerminalLines(context, 2);
        var reference = new ReadProgressDisplay("train.csv", context, lines.Row(0));
        var current = new ReadProgressDisplay("serving.csv", context, lines.Row(1));
        reference.Report(new ReadProgress(500, 1_000, 10));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        current.Report(new ReadProgress(500, 1_000, 10));
        clock.Advance(TimeSpan.FromSeconds(2));

        reference.Done(20);
        current.Done(20);

        var output = error.ToString();
        var afterClear = output[(output.LastIndexOf("\u001b[J", StringComparison.Ordinal) + 3)..];
        Assert.Equal("read train.csv: 20 rows, 0.0 MB in 2.2 s\nread serving.csv: 20 rows, 0.0 MB in 2.2 s\n", afterClear.ReplaceLineEndings("\n"));
        Assert.Contains("\r\u001b[1A\u001b[J", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_that_stops_before_its_summary_ends_its_line_with_a_newline()
    {
        var display = new ReadProgressDisplay("big.csv", Context(terminal: true));
        display.Report(new ReadProgress(100, 1_000, 65_536));

        display.Dispose();

        Assert.EndsWith("\u001b[K" + Environment.NewLine, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ctrl_c_ends_the_line_at_once_and_nothing_is_drawn_after_it()
    {
        using var interrupt = new CancellationTokenSource();
        var context = Context(terminal: true) with { Interrupted = interrupt.Token };
        var display = new ReadProgressDisplay("big.csv", context);
        display.Report(new ReadProgress(100, 1_000, 65_536));

        interrupt.Cancel();
        clock.Advance(TimeSpan.FromSeconds(1));
        display.Report(new ReadProgress(200, 1_000, 131_072));

        Assert.Equal("\rreading big.csv:  10.0%  65,536 rows\u001b[K" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Nothing_is_added_on_dispose_after_the_summary()
    {
        var display = new ReadProgressDisplay("big.csv", Context(terminal: true));
        display.Report(new ReadProgress(100, 1_000, 65_536));
        display.Done(65_536);
        var afterDone = error.ToString();

        display.Dispose();

        Assert.Equal(afterDone, error.ToString());
    }

    [Theory]
    [InlineData(true, "dumb")]
    [InlineData(false, null)]
    [InlineData(false, "xterm-256color")]
    public void Without_a_terminal_that_moves_the_cursor_only_the_summary_is_written(bool terminal, string? term)
    {
        var display = new ReadProgressDisplay("big.csv", Context(terminal, term));
        display.Report(new ReadProgress(100, 1_000, 65_536));
        clock.Advance(TimeSpan.FromSeconds(1));
        display.Report(new ReadProgress(200, 1_000, 131_072));

        display.Done(131_072);
        display.Dispose();

        Assert.Equal("read big.csv: 131,072 rows, 0.0 MB in 1.0 s" + Environment.NewLine, error.ToString());
        Assert.DoesNotContain(Escape, error.ToString());
    }

    [Fact]
    public void Redraws_at_most_ten_times_a_second()
    {
        using var line = new TerminalLine(Context(terminal: true));

        for (var i = 0; i < 50; i++)
        {
            line.Draw(() => $"step {i}");
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(5, error.ToString().Count(c => c == '\r'));
    }

    [Fact]
    public void Work_that_finishes_quickly_is_not_drawn_when_the_first_draw_is_held_back()
    {
        using (var line = new TerminalLine(Context(terminal: true), firstDrawAfter: TimeSpan.FromMilliseconds(250)))
        {
            line.Draw(() => "hashing data.csv");
            clock.Advance(TimeSpan.FromMilliseconds(100));
            line.Draw(() => "hashing data.csv");
        }

        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Request_counts_stop_with_a_newline_when_interrupted()
    {
        var display = new RequestProgressDisplay(Context(terminal: true));
        display.Report(new Lockstep.GitHub.Deliveries.RequestCount(3, 0, "deployments", null));

        display.Dispose();

        Assert.StartsWith("\rGitHub: 3 requests (deployments)", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, error.ToString(), StringComparison.Ordinal);
    }

    private CliContext Context(bool terminal, string? term = "xterm-256color")
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (term is not null)
        {
            environment["TERM"] = term;
        }

        return new CliContext(TextWriter.Null, error, environment, Path.GetTempPath(), OutputIsTerminal: false) { ErrorIsTerminal = terminal, Clock = clock };
    }

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
