namespace Lockstep.Core.Policy;

/// <summary>Whether higher is better for metrics whose meaning is known.</summary>
public static class MetricDirections
{
    private static readonly HashSet<string> HigherIsBetterNames =
        new(StringComparer.Ordinal) { "auc", "accuracy", "precision", "recall", "f1", "r2" };

    private static readonly HashSet<string> LowerIsBetterNames =
        new(StringComparer.Ordinal) { "log_loss", "rmse", "mae", "mse", "brier" };

    private static readonly string[] LowerIsBetterPrefixes = ["latency.", "psi", "drift.", "freshness."];

    /// <summary>True or false for a known metric, null when the policy must say.</summary>
    public static bool? HigherIsBetter(string metric)
    {
        if (HigherIsBetterNames.Contains(metric))
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
