namespace Lockstep.Cli.Io;

/// <summary>
/// What a history command is doing, as one redrawn line on a terminal once it has taken longer than a quarter of a
/// second; nothing in CI logs, where the command's one summary line says enough.
/// </summary>
public sealed class HistoryProgressDisplay(CliContext context) : IDisposable
{
    private readonly TerminalLine line = new(context, firstDrawAfter: TimeSpan.FromMilliseconds(250));

    public void Show(string step) => line.Draw(() => step);

    /// <summary>Clears the line before the summary is printed.</summary>
    public void Clear() => line.Clear();

    public void Dispose() => line.Dispose();
}
