namespace Lockstep.Core.History;

/// <summary>The facts of one recording, each with its content id, before they are compared with the history.</summary>
public sealed record HistoryBatch(IReadOnlyList<GateRow> Gates, IReadOnlyList<MetricRow> Metrics, IReadOnlyList<DeliveryRow> Deliveries)
{
    public static readonly HistoryBatch Empty = new([], [], []);

    public int Count => Gates.Count + Metrics.Count + Deliveries.Count;
}
