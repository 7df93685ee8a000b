using Lockstep.Core.Contracts;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>
/// PSI, and its significance, from two report cards' feature profiles, without the raw data: numeric profiles must
/// share their edges exactly; categorical ones are compared over the union of their categories.
/// </summary>
public static class ProfileDrift
{
    /// <summary>
    /// The PSI, with its significance at <paramref name="level"/>, of every feature both cards profile comparably;
    /// features that cannot be compared are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, ProfilePsi> PsiByFeature(
        IReadOnlyDictionary<string, FeatureProfile> baseline, IReadOnlyDictionary<string, FeatureProfile> candidate, EmptyBinRule rule, double level)
    {
        var result = new Dictionary<string, ProfilePsi>(StringComparer.Ordinal);
        foreach (var (feature, reference) in baseline)
        {
            if (candidate.TryGetValue(feature, out var current) && ProfilePsi.Of(reference, current, rule, level) is { } psi)
            {
                result[feature] = psi;
            }
        }

        return result;
    }

    /// <summary>
    /// The candidate's metrics plus <c>drift.psi.&lt;feature&gt;</c> and <c>drift.psi.max</c> computed from the two cards'
    /// profiles, for features whose PSI the candidate does not already carry; with each PSI so computed, its
    /// <c>drift.psi_p_value.&lt;feature&gt;</c> and <c>drift.psi_min_detectable.&lt;feature&gt;</c> at
    /// <paramref name="level"/>, where they are defined. A metric the candidate carries is never replaced.
    /// </summary>
    public static ReportCard WithProfilePsi(
        ReportCard candidate, ReportCard baseline, EmptyBinRule rule, double level = PsiSignificance.DefaultLevel)
    {
        var computed = PsiByFeature(baseline.Features, candidate.Features, rule, level);
        if (computed.Count == 0)
        {
            return candidate;
        }

        var added = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, profilePsi) in computed)
        {
            // A p-value belongs to the PSI it was computed for: none is added beside a PSI the candidate brought.
            if (candidate.Metrics.ContainsKey($"drift.psi.{feature}"))
            {
                continue;
            }

            added[$"drift.psi.{feature}"] = profilePsi.Psi;
            if (profilePsi.Significance is { } significance)
            {
                added[$"drift.psi_p_value.{feature}"] = significance.PValue;
                added[$"drift.psi_min_detectable.{feature}"] = significance.MinDetectable;
            }
        }

        added["drift.psi.max"] = computed.Values.Max(p => p.Psi);
        var kept = added
            .Where(pair => !candidate.Metrics.ContainsKey(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return ReportCardEditor.WithMetrics(candidate, kept);
    }

    public static double? TryPsi(FeatureProfile reference, FeatureProfile current, EmptyBinRule rule) =>
        TryCounts(reference, current) is { } counts ? Psi.FromCounts(counts.Reference, counts.Current, rule) : null;

    /// <summary>
    /// The two profiles' counts over common bins: histograms over exactly the same edges, each with a count, or
    /// category counts over the union of both sides' categories (in ordinal order); null when they are not
    /// comparable. Missing values are not counted.
    /// </summary>
    public static (long[] Reference, long[] Current)? TryCounts(FeatureProfile reference, FeatureProfile current)
    {
        if (reference.Histogram is { } r && current.Histogram is { } c)
        {
            return r.Edges.SequenceEqual(c.Edges) && r.Counts.Sum() > 0 && c.Counts.Sum() > 0
                ? (r.Counts.ToArray(), c.Counts.ToArray())
                : null;
        }

        if (reference.Categories is { Count: > 0 } rc && current.Categories is { Count: > 0 } cc)
        {
            var keys = rc.Keys.Union(cc.Keys).Order(StringComparer.Ordinal).ToList();
            return (keys.Select(k => rc.GetValueOrDefault(k)).ToArray(), keys.Select(k => cc.GetValueOrDefault(k)).ToArray());
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
