using System.Globalization;

namespace Lockstep.Cli.Io;

/// <summary>File sizes as people read them: bytes below 1 kB, then kB, MB, GB (powers of 1000).</summary>
public static class Sizes
{
    public static string Describe(long bytes) => bytes switch
    {
        1 => "1 byte",
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB"),
    };
}
