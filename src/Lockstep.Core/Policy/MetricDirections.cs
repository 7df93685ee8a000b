namespace Lockstep.Core.Policy;

/// <summary>Whether higher is better for metrics whose meaning is known.</summary>
public static class MetricDirections
{
    private static readonly HashSet<string> HigherIsBetterNames =
        new(StringComparer.Ordinal) { "auc", "accuracy", "precision", "recall", "f1", "r2" };

    private static readonly HashSet<string> LowerIsBetterNames =
        new(StringComparer.Ordinal) { "log_loss", "rmse", "mae", "mse", "brier" };

    private static readonly string[] LowerIsBetterPrefixes = ["latency.", "psi", "drift.", "freshness."];

    /// <summary>
    /// The names a misspelt metric is compared with: those with a known direction and the fixed names
    /// <c>lockstep eval</c>, <c>drift</c> and <c>freshness</c> write.
    /// </summary>
    public static IReadOnlyList<string> KnownNames { get; } =
    [
        .. HigherIsBetterNames.Order(StringComparer.Ordinal), .. LowerIsBetterNames.Order(StringComparer.Ordinal),
        "latency.p50_ms", "latency.p90_ms", "latency.p95_ms", "latency.p99_ms", "latency.max_ms",
        "drift.psi.max", "drift.share_drifted", "freshness.max_hours",
    ];

    /// <summary>
    /// The figures <c>lockstep eval</c> writes next to a metric M, and whether each runs with M (an interval's ends, the
    /// paired change and its z, the baseline model's value) or lower is better whatever M is (a standard error).
    /// </summary>
    private static readonly (string Suffix, bool WithMetric)[] Companions =
    [
        (".delta.ci_low", true), (".delta.ci_high", true), (".delta.z", true), (".delta.se", false), (".delta", true),
        (".ci_low", true), (".ci_high", true), (".baseline", true), (".se", false),
    ];

    /// <summary>True or false for a known metric, null when the policy must say.</summary>
    public static bool? HigherIsBetter(string metric)
    {
        foreach (var (suffix, withMetric) in Companions)
        {
            if (metric.EndsWith(suffix, StringComparison.Ordinal) && HigherIsBetter(metric[..^suffix.Length]) is { } direction)
            {
                return withMetric ? direction : false;
            }
        }

        if (metric == Evaluation.BootstrapMetrics.Rows)
        {
            return true;
        }

        // lockstep gate --budget: budget.<slo-id>.remaining (higher is better), .consumed and .burn_rate.<window> (lower).
        if (metric.StartsWith("budget.", StringComparison.Ordinal))
        {
            return metric.EndsWith(".remaining", StringComparison.Ordinal);
        }

        // lockstep drift: a PSI p-value falls as the evidence of a shift grows, unlike the other drift.* metrics.
        if (HigherIsBetterNames.Contains(metric) || metric.StartsWith("drift.psi_p_value.", StringComparison.Ordinal))
        {
            return true;
        }

        if (LowerIsBetterNames.Contains(metric)
            || LowerIsBetterPrefixes.Any(prefix => metric.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return false;
        }

        return null;
    }
}
