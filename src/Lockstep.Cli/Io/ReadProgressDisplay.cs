using System.Diagnostics;
using System.Globalization;
using Lockstep.Data;

namespace Lockstep.Cli.Io;

/// <summary>
/// Shows how far a long read has come: a redrawn line on a terminal (at most ten times a second), and in CI logs
/// a single summary line when it is done.
/// </summary>
public sealed class ReadProgressDisplay(string source, CliContext context) : IProgress<ReadProgress>
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private long lastDrawn = -1000;
    private ReadProgress last;

    public void Report(ReadProgress value)
    {
        last = value;
        if (!context.ErrorIsTerminal || watch.ElapsedMilliseconds - lastDrawn < 100)
        {
            return;
        }

        lastDrawn = watch.ElapsedMilliseconds;
        var percent = value.TotalBytes > 0 ? 100.0 * value.BytesRead / value.TotalBytes : 0;
        context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rreading {source}: {percent,5:0.0}%  {value.Rows:N0} rows"));
    }

    /// <summary>Clears the progress line and prints the summary.</summary>
    public void Done(int rows)
    {
        if (context.ErrorIsTerminal && lastDrawn >= 0)
        {
            context.Error.Write("\r\u001b[2K");
        }

        var megabytes = last.TotalBytes / 1e6;
        context.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"read {source}: {rows:N0} {(rows == 1 ? "row" : "rows")}, {megabytes:0.0} MB in {watch.Elapsed.TotalSeconds:0.0} s"));
    }
}
