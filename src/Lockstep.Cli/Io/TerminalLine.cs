namespace Lockstep.Cli.Io;

/// <summary>
/// One progress line on standard error: a row of <see cref="TerminalLines"/>, alone or beside the lines of other
/// counters that run at the same time (see there for when anything is drawn).
/// </summary>
public sealed class TerminalLine : IDisposable
{
    private readonly TerminalLines lines;
    private readonly int row;

    public TerminalLine(CliContext context, TimeSpan firstDrawAfter = default)
        : this(new TerminalLines(context, 1, firstDrawAfter), 0)
    {
    }

    internal TerminalLine(TerminalLines lines, int row) => (this.lines, this.row) = (lines, row);

    public TimeSpan Elapsed => lines.Elapsed;

    /// <summary>Draws the text built by <paramref name="text"/> when a terminal is there and it is time to redraw.</summary>
    public void Draw(Func<string> text) => lines.Draw(row, text);

    /// <summary>Prints a line of its own above the progress, which is drawn again below it.</summary>
    public void WriteAbove(string text) => lines.WriteAbove(text);

    /// <summary>Clears the lines, if drawn, so the summary starts on a clean line.</summary>
    public void Clear() => lines.Clear();

    /// <summary>Ends a line still drawn with a newline: the work stopped before its summary.</summary>
    public void Dispose() => lines.End();
}
