using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>A gate's <c>confidence:</c> level and its <c>inconclusive:</c> rule, checked together.</summary>
internal static class GateConfidence
{
    private static readonly Dictionary<string, InconclusiveRule> Rules = new(StringComparer.Ordinal)
    {
        ["warn"] = InconclusiveRule.Warn,
        ["fail"] = InconclusiveRule.Fail,
    };

    /// <summary>The level (null when not set) and the rule; problems are reported and the reading goes on.</summary>
    public static (double? Level, InconclusiveRule Rule) Read(
        YamlFields yaml, Dictionary<string, YamlNode> keys, string where, string? metric, double? min)
    {
        double? level = null;
        if (keys.TryGetValue("confidence", out var levelNode))
        {
            level = yaml.Attempt<double?>(() => yaml.FiniteNumber(levelNode, $"{where}.confidence"), null);
            if (level is <= 0 or >= 1)
            {
                yaml.Report(yaml.At(
                    levelNode, $"{where}.confidence",
                    $"expected a level strictly between 0 and 1, such as 0.95, got {PolicyReader.Invariant(level.Value)}"));
                level = null;
            }
        }

        var rule = InconclusiveRule.Warn;
        if (keys.TryGetValue("inconclusive", out var ruleNode))
        {
            rule = yaml.Attempt(() => yaml.Choice(ruleNode, $"{where}.inconclusive", Rules), InconclusiveRule.Warn);
            if (!keys.ContainsKey("confidence"))
            {
                yaml.Report(yaml.At(ruleNode, $"{where}.inconclusive", "needs `confidence:`: only a gate judged by intervals can be inconclusive"));
            }
        }

        if (level is not null && min is not null && metric is not null && PsiBounds.IsPsi(metric))
        {
            yaml.Report(yaml.At(
                levelNode!, $"{where}.confidence",
                "on a PSI metric, confidence applies to max (is the shift significant?); give min in a gate of its own"));
        }

        return (level, rule);
    }
}
