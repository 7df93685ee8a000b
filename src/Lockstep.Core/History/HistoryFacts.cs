using Lockstep.Core.Contracts;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;

namespace Lockstep.Core.History;

/// <summary>
/// Turns the inputs of one recording into facts with content ids. Pure: the caller reads the files and the history.
/// </summary>
public static class HistoryFacts
{
    /// <param name="knownCard">The stamp of a report card already in the history, by the card file's SHA-256; cards
    /// recorded in the same call are found first.</param>
    public static HistoryBatch Collect(IReadOnlyList<HistoryInput> inputs, RecordOptions options, Func<string, CardStamp?> knownCard)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var cards = new Dictionary<string, CardStamp>(StringComparer.Ordinal);
        foreach (var card in inputs.OfType<HistoryInput.Card>())
        {
            cards.TryAdd(card.Sha256, Stamp(card.Content, options));
        }

        var gates = new List<GateRow>();
        var metrics = new List<MetricRow>();
        var deliveries = new List<DeliveryRow>();
        foreach (var input in inputs)
        {
            switch (input)
            {
                case HistoryInput.Card card:
                    metrics.AddRange(FromCard(card, cards[card.Sha256]));
                    break;
                case HistoryInput.Gate gate:
                    gates.AddRange(FromGateResult(gate, CandidateStamp(gate.Content, cards, knownCard), options));
                    break;
                case HistoryInput.Drift drift:
                    metrics.AddRange(FromMetrics(drift, MetricSources.Drift, drift.Content.Metrics, options.At, options));
                    break;
                case HistoryInput.Freshness freshness:
                    metrics.AddRange(FromMetrics(freshness, MetricSources.Freshness, freshness.Content.Metrics, freshness.Content.AsOf, options));
                    break;
                case HistoryInput.Events events:
                    deliveries.AddRange(events.Content.Select(e => DeliveryRows.From(e, options.RecordedAt)));
                    break;
                default:
                    throw new ArgumentException($"unknown input {input.GetType().Name}", nameof(inputs));
            }
        }

        return new HistoryBatch(Distinct(gates, g => g.Id), Distinct(metrics, m => m.Id), Distinct(deliveries, d => d.Id));
    }

    /// <summary>A card's model and its evaluation time (else the recording's time).</summary>
    public static CardStamp Stamp(ReportCard card, RecordOptions options)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(options);
        return new CardStamp(card.Model.Name, card.Model.Version, card.Timeline?.EvaluatedAt ?? options.At);
    }

    private static IEnumerable<MetricRow> FromCard(HistoryInput.Card input, CardStamp stamp)
    {
        var card = input.Content;
        foreach (var (metric, value) in card.Metrics)
        {
            yield return Metric(input, MetricSources.ReportCard, stamp.At, stamp.Model, stamp.Version, metric, null, value);
        }

        foreach (var (slice, sliceMetrics) in card.Slices)
        {
            foreach (var (metric, value) in sliceMetrics)
            {
                yield return Metric(input, MetricSources.ReportCard, stamp.At, stamp.Model, stamp.Version, metric, slice, value);
            }
        }
    }

    private static IEnumerable<MetricRow> FromMetrics(
        HistoryInput input, string source, IReadOnlyDictionary<string, double> values, DateTimeOffset at, RecordOptions options) =>
        values.Select(pair => Metric(input, source, at, options.Model, options.Version, pair.Key, null, pair.Value));

    private static MetricRow Metric(
        HistoryInput input, string source, DateTimeOffset at, string? model, string? version, string metric, string? slice, double value) =>
        new(
            FactId.Of("metric", input.Sha256, metric, slice),
            input.Sha256,
            new MetricFact(at.ToUniversalTime(), source, model, version, metric, slice, value));

    private static CardStamp? CandidateStamp(GateResult result, Dictionary<string, CardStamp> cards, Func<string, CardStamp?> knownCard)
    {
        var candidate = result.Inputs.FirstOrDefault(i => i.Role == "candidate");
        if (candidate is null)
        {
            return null;
        }

        return cards.TryGetValue(candidate.Sha256, out var stamp) ? stamp : knownCard(candidate.Sha256);
    }

    private static IEnumerable<GateRow> FromGateResult(HistoryInput.Gate input, CardStamp? stamp, RecordOptions options)
    {
        var result = input.Content;
        var at = (stamp?.At ?? options.At).ToUniversalTime();
        var model = stamp?.Model ?? options.Model;
        var version = stamp?.Version ?? options.Version;
        return result.Gates.Select(gate => new GateRow(
            FactId.Of("gate", input.Sha256, gate.Id),
            new GateFact(at, input.Sha256, model, version, result.Verdict, gate.Id, gate.Metric, gate.Slice, gate.Status, gate.Action, gate.Candidate, gate.Baseline, gate.Limit, gate.Bound)));
    }

    private static List<T> Distinct<T>(List<T> rows, Func<T, string> id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return rows.Where(row => seen.Add(id(row))).ToList();
    }
}
