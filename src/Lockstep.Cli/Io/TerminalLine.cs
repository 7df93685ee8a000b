namespace Lockstep.Cli.Io;

/// <summary>
/// A progress line on standard error, redrawn in place at most ten times a second, and only on a terminal: a CI log
/// gets no progress lines, just the summary the caller prints when done. Work that is usually quick can hold the
/// first draw back, so a short run leaves no flicker.
/// </summary>
public sealed class TerminalLine(CliContext context, TimeSpan firstDrawAfter = default)
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly long started = context.Clock.GetTimestamp();
    private TimeSpan? lastDrawn;

    public TimeSpan Elapsed => context.Clock.GetElapsedTime(started);

    /// <summary>Draws the text built by <paramref name="text"/> when a terminal is there and it is time to redraw.</summary>
    public void Draw(Func<string> text)
    {
        if (!context.ErrorIsTerminal)
        {
            return;
        }

        var elapsed = Elapsed;
        if (elapsed < firstDrawAfter || elapsed - lastDrawn < RedrawInterval)
        {
            return;
        }

        lastDrawn = elapsed;
        context.Error.Write($"\r{text()}\u001b[K");
    }

    /// <summary>Clears the line, if one was drawn, so the summary starts on a clean line.</summary>
    public void Clear()
    {
        if (lastDrawn is not null)
        {
            context.Error.Write("\r\u001b[2K");
            lastDrawn = null;
        }
    }
}
