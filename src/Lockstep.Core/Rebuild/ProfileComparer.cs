using System.Globalization;
using Lockstep.Core.Contracts;

namespace Lockstep.Core.Rebuild;

/// <summary>
/// Compares the feature profiles of two report cards when both have profiles: the same features, kinds, histogram
/// edges, and every count (bins, categories, missing values) equal.
/// </summary>
internal static class ProfileComparer
{
    public static void Compare(IReadOnlyDictionary<string, FeatureProfile> registered, IReadOnlyDictionary<string, FeatureProfile> rebuilt, List<RebuildDifference> differences)
    {
        if (registered.Count == 0 || rebuilt.Count == 0)
        {
            return;
        }

        foreach (var name in registered.Keys.Union(rebuilt.Keys).Order(StringComparer.Ordinal))
        {
            var found = (registered.GetValueOrDefault(name), rebuilt.GetValueOrDefault(name));
            if (found is not ({ } a, { } b))
            {
                var (registeredKind, rebuiltKind) = (found.Item1?.Kind, found.Item2?.Kind);
                differences.Add(Difference(name, null, registeredKind, rebuiltKind, RebuildComparer.Values(registeredKind, rebuiltKind)));
                continue;
            }

            CompareProfile(name, a, b, differences);
        }
    }

    private static void CompareProfile(string name, FeatureProfile registered, FeatureProfile rebuilt, List<RebuildDifference> differences)
    {
        if (registered.Kind != rebuilt.Kind)
        {
            differences.Add(Difference(name, "kind", registered.Kind, rebuilt.Kind, $"kind {registered.Kind} registered, {rebuilt.Kind} rebuilt"));
            return;
        }

        CompareHistogram(name, registered.Histogram, rebuilt.Histogram, differences);
        var categories = (registered.Categories ?? new Dictionary<string, long>(), rebuilt.Categories ?? new Dictionary<string, long>());
        foreach (var category in categories.Item1.Keys.Union(categories.Item2.Keys).Order(StringComparer.Ordinal))
        {
            CompareCount(name, $"category '{category}'", categories.Item1.GetValueOrDefault(category), categories.Item2.GetValueOrDefault(category), differences);
        }

        CompareCount(name, "missing", registered.Missing, rebuilt.Missing, differences);
    }

    private static void CompareHistogram(string name, Histogram? registered, Histogram? rebuilt, List<RebuildDifference> differences)
    {
        var edges = (Registered: Edges(registered), Rebuilt: Edges(rebuilt));
        if (edges.Registered != edges.Rebuilt)
        {
            differences.Add(Difference(name, "edges", edges.Registered, edges.Rebuilt, $"histogram edges [{edges.Registered}] registered, [{edges.Rebuilt}] rebuilt"));
            return;
        }

        var bins = registered?.Counts.Count ?? 0;
        for (var bin = 0; bin < bins; bin++)
        {
            CompareCount(name, $"bin {bin + 1}", registered!.Counts[bin], rebuilt!.Counts[bin], differences);
        }
    }

    /// <summary>The edges in round-trip form, so that equal text means equal edges.</summary>
    private static string Edges(Histogram? histogram) =>
        histogram is null ? string.Empty : string.Join(", ", histogram.Edges.Select(e => e.ToString("R", CultureInfo.InvariantCulture)));

    private static void CompareCount(string name, string field, long registered, long rebuilt, List<RebuildDifference> differences)
    {
        if (registered != rebuilt)
        {
            var (a, b) = (RebuildComparer.Text(registered)!, RebuildComparer.Text(rebuilt)!);
            differences.Add(Difference(name, field, a, b, $"{field} count {a} registered, {b} rebuilt"));
        }
    }

    private static RebuildDifference Difference(string name, string? field, string? registered, string? rebuilt, string what) => new()
    {
        Kind = RebuildDifferenceKind.Feature,
        Subject = name,
        Field = field,
        Registered = registered,
        Rebuilt = rebuilt,
        Message = $"feature '{name}': {what}",
    };
}
