namespace Lockstep.Core.Contracts;

/// <summary>Adds newly computed facts to a report card: new values replace old ones of the same name, the rest is kept.</summary>
public static class ReportCardEditor
{
    public static ReportCard WithMetrics(ReportCard card, IReadOnlyDictionary<string, double> metrics) =>
        card with { Metrics = Merge(card.Metrics, metrics) };

    public static ReportCard WithSlices(ReportCard card, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> slices)
    {
        var merged = new Dictionary<string, IReadOnlyDictionary<string, double>>(card.Slices, StringComparer.Ordinal);
        foreach (var (name, metrics) in slices)
        {
            merged[name] = merged.TryGetValue(name, out var existing) ? Merge(existing, metrics) : metrics;
        }

        return card with { Slices = merged };
    }

    public static ReportCard WithFeatures(ReportCard card, IReadOnlyDictionary<string, FeatureProfile> features)
    {
        var merged = new Dictionary<string, FeatureProfile>(card.Features, StringComparer.Ordinal);
        foreach (var (name, profile) in features)
        {
            merged[name] = profile;
        }

        return card with { Features = merged };
    }

    /// <summary>Replaces the dataset of the same role, or adds it.</summary>
    public static ReportCard WithDataset(ReportCard card, DatasetReference dataset) =>
        card with { Datasets = [.. card.Datasets.Where(d => d.Role != dataset.Role), dataset] };

    public static ReportCard EvaluatedAt(ReportCard card, DateTimeOffset at) =>
        card with { Timeline = (card.Timeline ?? new Timeline()) with { EvaluatedAt = at } };

    private static Dictionary<string, double> Merge(IReadOnlyDictionary<string, double> existing, IReadOnlyDictionary<string, double> added)
    {
        var merged = new Dictionary<string, double>(existing, StringComparer.Ordinal);
        foreach (var (name, value) in added)
        {
            merged[name] = value;
        }

        return merged;
    }
}
