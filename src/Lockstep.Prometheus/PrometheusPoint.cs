namespace Lockstep.Prometheus;

/// <summary>One sample of a series: its time and its value (NaN and ±infinity as Prometheus writes them).</summary>
public readonly record struct PrometheusPoint(DateTimeOffset Time, double Value);

/// <summary>A series of a range query: its labels and its points, oldest first.</summary>
public sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<PrometheusPoint> Points);
