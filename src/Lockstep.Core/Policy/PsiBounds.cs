using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>
/// PSI is never negative, so a negative <c>min</c> or <c>max</c> on a PSI metric (<c>drift.psi.max</c>,
/// <c>drift.psi.&lt;feature&gt;</c>, <c>psi…</c>) is a mistake: it would pass or fail every candidate.
/// </summary>
internal static class PsiBounds
{
    public static bool IsPsi(string metric) =>
        metric.StartsWith("psi", StringComparison.Ordinal) || metric.StartsWith("drift.psi.", StringComparison.Ordinal);

    /// <summary>Reports a bound below 0 on a PSI metric; the reading goes on.</summary>
    public static void Check(YamlFields yaml, string metric, string where, Dictionary<string, YamlNode> keys, double? min, double? max)
    {
        if (!IsPsi(metric))
        {
            return;
        }

        foreach (var (key, bound) in new[] { ("min", min), ("max", max) })
        {
            if (bound < 0)
            {
                yaml.Report(yaml.At(
                    keys[key], $"{where}.{key}",
                    $"expected a PSI bound of 0 or more (PSI is never negative), got {PolicyReader.Invariant(bound.Value)}"));
            }
        }
    }
}
