using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Monitoring;

/// <summary>
/// The report card of a serving window: the production model's identity, the metrics measured on the window (drift,
/// freshness, labelled quality) and the window's feature profiles. The gates judge it against the production model's
/// card, and the history records it like any other card.
/// </summary>
public static class ServingWindowCard
{
    /// <param name="production">The production model's card, when given: its model name, version and task are the window's.</param>
    /// <param name="reportId">Names the model when there is no production card.</param>
    public static ReportCard Create(
        ReportCard? production, string reportId, DriftReport drift, IReadOnlyDictionary<string, double> otherMetrics, DateTimeOffset measuredAt)
    {
        ArgumentNullException.ThrowIfNull(drift);
        ArgumentNullException.ThrowIfNull(otherMetrics);
        var model = production?.Model ?? new ModelInfo { Name = reportId, Version = "serving" };
        var metrics = new Dictionary<string, double>(drift.Metrics, StringComparer.Ordinal);
        foreach (var (name, value) in otherMetrics)
        {
            metrics[name] = value;
        }

        return new ReportCard
        {
            Schema = ReportCard.SchemaId,
            Model = model,
            Run = production?.Run,
            Datasets = [Dataset("reference", drift.Reference, drift.ReferenceRows), Dataset("serving", drift.Current, drift.CurrentRows)],
            Metrics = metrics,
            Features = drift.Features.ToDictionary(f => f.Feature, f => f.Current, StringComparer.Ordinal),
            Timeline = new Timeline { EvaluatedAt = measuredAt },
        };
    }

    private static DatasetReference Dataset(string role, InputDigest input, long rows) => new()
    {
        Role = role,
        Uri = input.Path,
        Sha256 = input.Sha256,
        Rows = rows,
    };
}
