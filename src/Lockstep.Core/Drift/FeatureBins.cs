using System.Globalization;

namespace Lockstep.Core.Drift;

/// <summary>The PSI bins of one feature and both sides' counts in them.</summary>
/// <param name="Mode"><c>sturges</c>, <c>quantile</c> or <c>values</c> (<see cref="DriftBinning"/>).</param>
/// <param name="Edges">The edges of <c>sturges</c> and <c>quantile</c> bins.</param>
/// <param name="Keys">The values of <c>values</c> bins, as written in the profiles.</param>
public sealed record FeatureBins(string Mode, double[]? Edges, IReadOnlyList<string>? Keys, long[] Reference, long[] Current)
{
    public static FeatureBins WithEdges(string mode, double[] edges, long[] reference, long[] current) => new(mode, edges, null, reference, current);

    /// <summary>Numeric values binned by value: the union of both sides' values, ascending; −0 is written as 0 (they are one value).</summary>
    public static FeatureBins ByValue(IReadOnlyDictionary<double, long> reference, IReadOnlyDictionary<double, long> current)
    {
        var values = reference.Keys.Union(current.Keys).Order().ToList();
        return new FeatureBins(
            DriftBinning.Values,
            null,
            values.Select(v => (v == 0 ? 0.0 : v).ToString("R", CultureInfo.InvariantCulture)).ToList(),
            values.Select(v => reference.GetValueOrDefault(v)).ToArray(),
            values.Select(v => current.GetValueOrDefault(v)).ToArray());
    }

    /// <summary>Categories: the union of both sides' categories, in ordinal order.</summary>
    public static FeatureBins ByCategory(IReadOnlyDictionary<string, long> reference, IReadOnlyDictionary<string, long> current)
    {
        var keys = reference.Keys.Union(current.Keys).Order(StringComparer.Ordinal).ToList();
        return new FeatureBins(
            DriftBinning.Values,
            null,
            keys,
            keys.Select(k => reference.GetValueOrDefault(k)).ToArray(),
            keys.Select(k => current.GetValueOrDefault(k)).ToArray());
    }
}
