using Lockstep.Core.Policy;

namespace Lockstep.Core.Monitoring;

/// <summary>
/// Which gates of a policy a monitor run can decide: those on the metric families it measured. A gate on a family it
/// did not measure (latency without a latency column, a budget) is left out and named, never counted as a pass; a gate
/// on a measured family whose metric is absent still fails closed in the gate engine.
/// </summary>
public static class MonitorScope
{
    public static MonitoredGates Select(GatePolicy policy, IReadOnlySet<MetricFamily> measured)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(measured);
        var monitored = policy.Gates.Where(gate => measured.Contains(FamilyOf(gate.Metric))).ToList();
        var left = policy.Gates.Where(gate => !measured.Contains(FamilyOf(gate.Metric))).ToList();
        return new MonitoredGates(policy with { Gates = monitored }, left);
    }

    /// <summary><c>drift.*</c>, <c>freshness.*</c>, <c>latency.*</c>, <c>budget.*</c>; any other metric is a labelled quality metric.</summary>
    public static MetricFamily FamilyOf(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric switch
        {
            _ when metric.StartsWith("drift.", StringComparison.Ordinal) => MetricFamily.Drift,
            _ when metric.StartsWith("freshness.", StringComparison.Ordinal) => MetricFamily.Freshness,
            _ when metric.StartsWith("latency.", StringComparison.Ordinal) => MetricFamily.Latency,
            _ when metric.StartsWith("budget.", StringComparison.Ordinal) => MetricFamily.Budget,
            _ => MetricFamily.Quality,
        };
    }
}

/// <summary>The policy cut down to the gates a monitor run decides, and the gates it leaves to other commands.</summary>
public sealed record MonitoredGates(GatePolicy Policy, IReadOnlyList<GateDefinition> NotMonitored)
{
    /// <summary><c>not monitored (no latency measured): p99-latency</c>; null when every gate is decided.</summary>
    public string? Describe()
    {
        if (NotMonitored.Count == 0)
        {
            return null;
        }

        var families = NotMonitored.Select(g => MonitorScope.FamilyOf(g.Metric)).Distinct().Select(f => f.ToString().ToLowerInvariant());
        return $"not monitored (no {string.Join(" or ", families)} measured): {string.Join(", ", NotMonitored.Select(g => g.Id))}";
    }
}

/// <summary>The groups of metrics a monitor run measures, or not, depending on the columns it was given.</summary>
public enum MetricFamily
{
    Drift,
    Freshness,
    Quality,
    Latency,
    Budget,
}
