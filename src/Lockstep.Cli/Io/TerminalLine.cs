using System.Diagnostics;

namespace Lockstep.Cli.Io;

/// <summary>
/// A progress line on standard error, redrawn in place at most ten times a second, and only on a terminal: a CI log
/// gets no progress lines, just the summary the caller prints when done.
/// </summary>
public sealed class TerminalLine(CliContext context)
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private long lastDrawn = -1000;
    private bool drawn;

    public TimeSpan Elapsed => watch.Elapsed;

    /// <summary>Draws the text built by <paramref name="text"/> when a terminal is there and it is time to redraw.</summary>
    public void Draw(Func<string> text)
    {
        if (!context.ErrorIsTerminal || watch.ElapsedMilliseconds - lastDrawn < 100)
        {
            return;
        }

        lastDrawn = watch.ElapsedMilliseconds;
        drawn = true;
        context.Error.Write($"\r{text()}\u001b[K");
    }

    /// <summary>Clears the line, if one was drawn, so the summary starts on a clean line.</summary>
    public void Clear()
    {
        if (drawn)
        {
            context.Error.Write("\r\u001b[2K");
            drawn = false;
        }
    }
}
