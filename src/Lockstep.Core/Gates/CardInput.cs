using Lockstep.Core.Contracts;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Gates;

/// <summary>A report card and the name of the file it came from, so problems can point at it.</summary>
public sealed record CardInput(string Source, ReportCard Card)
{
    /// <summary>The metric a gate reads, from the overall metrics or from a slice.</summary>
    public MetricReading Read(string metric, string? slice)
    {
        var field = slice is null ? $"$.metrics['{metric}']" : $"$.slices['{slice}']['{metric}']";
        if (slice is not null && !Card.Slices.ContainsKey(slice))
        {
            return new MetricReading(Source, $"$.slices['{slice}']", null);
        }

        var metrics = slice is null ? Card.Metrics : Card.Slices[slice];
        return new MetricReading(Source, field, metrics.TryGetValue(metric, out var value) ? value : null);
    }

    /// <summary>The name the card has closest to a metric or slice it lacks, for "did you mean …?".</summary>
    public string? Nearest(string metric, string? slice) => slice is not null && !Card.Slices.ContainsKey(slice)
        ? Suggestions.Closest(slice, Card.Slices.Keys)
        : Suggestions.Closest(metric, (slice is null ? Card.Metrics : Card.Slices[slice]).Keys);
}

/// <summary>A metric value (null when absent) and where it was looked for.</summary>
public sealed record MetricReading(string Source, string Field, double? Value)
{
    public bool IsMissing => Value is null;

    public bool IsFinite => Value is { } v && double.IsFinite(v);

    public string Where => $"{Source}: {Field}";
}
