namespace Lockstep.Cli.Io;

/// <summary>Metrics as an aligned two-column list, sorted by name.</summary>
public static class MetricTable
{
    public static void Write(TextWriter output, IReadOnlyDictionary<string, double> metrics)
    {
        var width = metrics.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{name.PadRight(width)}  {Lockstep.Core.Numbers.Format(value)}");
        }
    }
}
