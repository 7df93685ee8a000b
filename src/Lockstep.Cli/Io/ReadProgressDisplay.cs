using System.Globalization;
using Lockstep.Data;

namespace Lockstep.Cli.Io;

/// <summary>
/// Shows how far a long read has come: a redrawn line on a terminal (at most ten times a second), and in CI logs
/// a single summary line when it is done. Disposed before <see cref="Done"/> (Ctrl-C, an error), it ends its line.
/// </summary>
public sealed class ReadProgressDisplay(string source, CliContext context, TerminalLine line) : IProgress<ReadProgress>, IDisposable
{
    private ReadProgress last;

    public ReadProgressDisplay(string source, CliContext context)
        : this(source, context, new TerminalLine(context))
    {
    }

    public void Report(ReadProgress value)
    {
        last = value;
        line.Draw(() =>
        {
            var percent = value.TotalBytes > 0 ? 100.0 * value.BytesRead / value.TotalBytes : 0;
            return string.Create(CultureInfo.InvariantCulture, $"reading {source}: {percent,5:0.0}%  {value.Rows:N0} rows");
        });
    }

    /// <summary>Clears the progress line and prints the summary.</summary>
    public void Done(int rows)
    {
        line.Clear();
        var megabytes = last.TotalBytes / 1e6;
        context.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"read {source}: {rows:N0} {(rows == 1 ? "row" : "rows")}, {megabytes:0.0} MB in {line.Elapsed.TotalSeconds:0.0} s"));
    }

    public void Dispose() => line.Dispose();
}
