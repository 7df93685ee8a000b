using Lockstep.Core.Contracts;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// PSI from two report cards' feature profiles, without the raw data: numeric profiles must share their edges
/// exactly; categorical ones are compared over the union of their categories.
/// </summary>
public static class ProfileDrift
{
    /// <summary>The PSI of every feature both cards profile comparably; features that cannot be compared are left out.</summary>
    public static IReadOnlyDictionary<string, double> PsiByFeature(
        IReadOnlyDictionary<string, FeatureProfile> baseline, IReadOnlyDictionary<string, FeatureProfile> candidate, EmptyBinRule rule)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, reference) in baseline)
        {
            if (candidate.TryGetValue(feature, out var current) && TryPsi(reference, current, rule) is { } psi)
            {
                result[feature] = psi;
            }
        }

        return result;
    }

    /// <summary>
    /// The candidate's metrics plus <c>drift.psi.&lt;feature&gt;</c> and <c>drift.psi.max</c> computed from the two cards'
    /// profiles, for features whose PSI the candidate does not already carry.
    /// </summary>
    public static ReportCard WithProfilePsi(ReportCard candidate, ReportCard baseline, EmptyBinRule rule)
    {
        var computed = PsiByFeature(baseline.Features, candidate.Features, rule);
        if (computed.Count == 0)
        {
            return candidate;
        }

        var added = computed
            .Where(pair => !candidate.Metrics.ContainsKey($"drift.psi.{pair.Key}"))
            .ToDictionary(pair => $"drift.psi.{pair.Key}", pair => pair.Value, StringComparer.Ordinal);
        if (!candidate.Metrics.ContainsKey("drift.psi.max"))
        {
            added["drift.psi.max"] = computed.Values.Max();
        }

        return ReportCardEditor.WithMetrics(candidate, added);
    }

    public static double? TryPsi(FeatureProfile reference, FeatureProfile current, EmptyBinRule rule)
    {
        if (reference.Histogram is { } r && current.Histogram is { } c)
        {
            return r.Edges.SequenceEqual(c.Edges) && r.Counts.Sum() > 0 && c.Counts.Sum() > 0
                ? Psi.FromCounts(r.Counts.ToArray(), c.Counts.ToArray(), rule)
                : null;
        }

        if (reference.Categories is { Count: > 0 } rc && current.Categories is { Count: > 0 } cc)
        {
            var keys = rc.Keys.Union(cc.Keys).Order(StringComparer.Ordinal).ToList();
            return Psi.FromCounts(keys.Select(k => rc.GetValueOrDefault(k)).ToArray(), keys.Select(k => cc.GetValueOrDefault(k)).ToArray(), rule);
        }

        return null;
    }

    /// <summary>Adds two profiles over the same bins, so shards profiled separately combine exactly.</summary>
    public static FeatureProfile Merge(FeatureProfile a, FeatureProfile b)
    {
        if (a.Kind != b.Kind)
        {
            throw new MetricException($"cannot merge a {a.Kind} profile with a {b.Kind} one");
        }

        if (a.Histogram is { } ha && b.Histogram is { } hb)
        {
            if (!ha.Edges.SequenceEqual(hb.Edges))
            {
                throw new MetricException("cannot merge histograms over different edges");
            }

            return a with
            {
                Histogram = ha with { Counts = ha.Counts.Zip(hb.Counts, (x, y) => x + y).ToArray() },
                Missing = a.Missing + b.Missing,
            };
        }

        var categories = new Dictionary<string, long>(a.Categories ?? new Dictionary<string, long>(), StringComparer.Ordinal);
        foreach (var (key, count) in b.Categories ?? new Dictionary<string, long>())
        {
            categories[key] = categories.GetValueOrDefault(key) + count;
        }

        return a with { Categories = categories, Missing = a.Missing + b.Missing };
    }
}
