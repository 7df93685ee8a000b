using System.Globalization;

namespace Lockstep.Cli.Io;

/// <summary>
/// Shows eval's computing: a redrawn line on a terminal (the share of bootstrap resamples done, when there are
/// any), and with a bootstrap a summary line for CI logs when done, <c>bootstrap: 1,000 resamples of 1,000,000 rows in 3.2 s</c>.
/// Reported from the resampling threads.
/// </summary>
public sealed class BootstrapProgressDisplay : IProgress<double>, IDisposable
{
    private readonly int rows;
    private readonly int resamples;
    private readonly CliContext context;
    private readonly TerminalLine line;

    public BootstrapProgressDisplay(int rows, int resamples, CliContext context)
    {
        (this.rows, this.resamples, this.context) = (rows, resamples, context);
        line = new TerminalLine(context);
        line.Draw(() => string.Create(CultureInfo.InvariantCulture, $"computing metrics for {rows:N0} rows…"));
    }

    public void Report(double value) =>
        line.Draw(() => string.Create(CultureInfo.InvariantCulture, $"bootstrap: {100 * value,5:0.0}% of {resamples:N0} resamples of {rows:N0} rows"));

    /// <summary>Clears the progress line and, after a bootstrap, prints the summary.</summary>
    public void Done()
    {
        line.Clear();
        if (resamples > 0)
        {
            context.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"bootstrap: {resamples:N0} resamples of {rows:N0} {(rows == 1 ? "row" : "rows")} in {line.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    public void Dispose() => line.Dispose();
}
