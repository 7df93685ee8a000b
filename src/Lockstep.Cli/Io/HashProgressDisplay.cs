using System.Globalization;
using Lockstep.Core.Pinning;

namespace Lockstep.Cli.Io;

/// <summary>
/// How far hashing a big file has come: on a terminal, a redrawn line once a file has taken longer than a quarter
/// of a second; nothing in CI logs, where the per-file result lines say enough.
/// </summary>
public sealed class HashProgressDisplay(string file, long totalBytes, CliContext context) : IProgress<long>, IDisposable
{
    private readonly TerminalLine line = new(context, firstDrawAfter: TimeSpan.FromMilliseconds(250));

    /// <summary>The file's pin (SHA-256 and size), hashed with progress shown.</summary>
    public static DataPin Pin(string display, string fullPath, CliContext context)
    {
        var size = new FileInfo(fullPath).Length;
        using var progress = new HashProgressDisplay(display, size, context);
        var sha256 = FileDigest.Sha256(fullPath, progress);
        progress.line.Clear();
        return new DataPin { Sha256 = sha256, Size = size };
    }

    public void Report(long value) => line.Draw(() =>
    {
        var percent = totalBytes > 0 ? 100.0 * value / totalBytes : 100;
        return string.Create(CultureInfo.InvariantCulture, $"hashing {file}: {percent,5:0.0}% of {Sizes.Describe(totalBytes)}");
    });

    /// <summary>Ends a line still drawn (the hashing stopped) with a newline.</summary>
    public void Dispose() => line.Dispose();
}
