using System.Text;

namespace Lockstep.Cli.Io;

/// <summary>
/// Progress lines on standard error, one counter per line, redrawn in place together at most ten times a second, and
/// only on a terminal that understands cursor movement: a CI log, a redirected stream or <c>TERM=dumb</c> gets no
/// progress lines and no escape sequences, just the summaries the callers print when done. Work that is usually
/// quick can hold the first draw back, so a short run leaves no flicker. Counters report from several threads.
/// </summary>
public sealed class TerminalLines
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly object gate = new();
    private readonly CliContext context;
    private readonly TimeSpan firstDrawAfter;
    private readonly string?[] texts;
    private readonly long started;
    private readonly bool draws;
    private TimeSpan? lastDrawn;
    private int drawnRows;
    private bool ended;

    public TerminalLines(CliContext context, int rows, TimeSpan firstDrawAfter = default)
    {
        (this.context, this.firstDrawAfter) = (context, firstDrawAfter);
        texts = new string?[rows];
        started = context.Clock.GetTimestamp();
        draws = context.ErrorIsTerminal && !string.Equals(context.Variable("TERM"), "dumb", StringComparison.Ordinal);

        // Ctrl-C ends the lines at once, before the process exits.
        context.Interrupted.Register(End);
    }

    public TimeSpan Elapsed => context.Clock.GetElapsedTime(started);

    /// <summary>The line of one counter.</summary>
    public TerminalLine Row(int row) => new(this, row);

    /// <summary>Sets a row's text and redraws every row when a terminal is there and it is time to.</summary>
    public void Draw(int row, Func<string> text)
    {
        if (!draws)
        {
            return;
        }

        lock (gate)
        {
            if (ended)
            {
                return;
            }

            texts[row] = text();
            var elapsed = Elapsed;
            if (elapsed < firstDrawAfter || elapsed - lastDrawn < RedrawInterval)
            {
                return;
            }

            lastDrawn = elapsed;
            var shown = texts.OfType<string>().ToList();
            var frame = new StringBuilder(ToFirstRow());
            frame.AppendJoin('\n', shown.Select(line => line + "\u001b[K"));
            drawnRows = shown.Count;
            context.Error.Write(frame.ToString());
        }
    }

    /// <summary>Erases the rows, if drawn, so the summaries start on a clean line.</summary>
    public void Clear()
    {
        lock (gate)
        {
            if (drawnRows > 0)
            {
                context.Error.Write(ToFirstRow() + "\u001b[J");
            }

            Reset();
        }
    }

    /// <summary>Prints a line of its own where the rows are (a note while the work goes on); the next redraw puts them back below it.</summary>
    public void WriteAbove(string line)
    {
        lock (gate)
        {
            if (drawnRows > 0)
            {
                context.Error.Write(ToFirstRow() + "\u001b[J");
                drawnRows = 0;
                lastDrawn = null;
            }

            context.Error.WriteLine(line);
        }
    }

    /// <summary>
    /// Leaves the rows as they are and ends the last one with a newline, for work that stopped before its summary
    /// (Ctrl-C, an error): what is printed next, or the shell's prompt, starts on a line of its own. Nothing is drawn
    /// after it, so a read still reporting after Ctrl-C cannot draw the line again.
    /// </summary>
    public void End()
    {
        lock (gate)
        {
            if (drawnRows > 0)
            {
                context.Error.WriteLine();
            }

            Reset();
            ended = true;
        }
    }


    private void Reset()
    {
        drawnRows = 0;
        lastDrawn = null;
        Array.Clear(texts);
    }

    private string ToFirstRow() => drawnRows > 1 ? $"\r\u001b[{drawnRows - 1}A" : "\r";
}
