using System.Globalization;

namespace Lockstep.Cli.Io;

/// <summary>
/// How far hashing a big file has come: on a terminal, a line redrawn at most ten times a second once a file has
/// taken longer than a quarter of a second; nothing in CI logs, where the per-file result lines say enough.
/// </summary>
public sealed class HashProgressDisplay(string file, long totalBytes, CliContext context) : IProgress<long>
{
    /// <summary>The file's pin (SHA-256 and size), hashed with progress shown.</summary>
    public static Lockstep.Core.Pinning.DataPin Pin(string display, string fullPath, CliContext context)
    {
        var size = new FileInfo(fullPath).Length;
        var progress = new HashProgressDisplay(display, size, context);
        var sha256 = FileDigest.Sha256(fullPath, progress);
        progress.Done();
        return new Lockstep.Core.Pinning.DataPin { Sha256 = sha256, Size = size };
    }

    private readonly long started = context.Clock.GetTimestamp();
    private double lastDrawn = 150;
    private bool drawn;

    public void Report(long value)
    {
        var elapsed = context.Clock.GetElapsedTime(started).TotalMilliseconds;
        if (!context.ErrorIsTerminal || elapsed - lastDrawn < 100)
        {
            return;
        }

        lastDrawn = elapsed;
        drawn = true;
        var percent = totalBytes > 0 ? 100.0 * value / totalBytes : 100;
        context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rhashing {file}: {percent,5:0.0}% of {Sizes.Describe(totalBytes)}"));
    }

    /// <summary>Clears the progress line, if one was drawn.</summary>
    public void Done()
    {
        if (drawn)
        {
            context.Error.Write("\r\u001b[2K");
        }
    }
}
