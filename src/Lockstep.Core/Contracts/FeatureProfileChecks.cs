namespace Lockstep.Core.Contracts;

/// <summary>
/// What a report card's feature profiles must hold for PSI to be computed from them: counts of 0 or more, and one
/// edge more than counts. A profile that breaks this is bad input naming its field, not a PSI computed from it.
/// </summary>
internal static class FeatureProfileChecks
{
    /// <exception cref="InputException">A count is negative, or a histogram's edges do not bound its counts.</exception>
    public static void Require(IReadOnlyDictionary<string, FeatureProfile> features, string source)
    {
        foreach (var (name, profile) in features)
        {
            var field = $"$.features['{name}']";
            RequireCount(profile.Missing, source, $"{field}.missing");
            if (profile.Histogram is { } histogram)
            {
                if (histogram.Edges.Count != histogram.Counts.Count + 1)
                {
                    throw new InputException(
                        source, null, $"{field}.histogram",
                        $"expected one edge more than counts, got {histogram.Edges.Count} edges and {histogram.Counts.Count} counts");
                }

                for (var i = 0; i < histogram.Counts.Count; i++)
                {
                    RequireCount(histogram.Counts[i], source, $"{field}.histogram.counts[{i}]");
                }
            }

            foreach (var (category, count) in profile.Categories ?? new Dictionary<string, long>())
            {
                RequireCount(count, source, $"{field}.categories['{category}']");
            }
        }
    }

    private static void RequireCount(long count, string source, string field)
    {
        if (count < 0)
        {
            throw new InputException(source, null, field, $"expected a count of 0 or more, got {count}");
        }
    }
}
