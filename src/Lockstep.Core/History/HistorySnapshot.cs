using Lockstep.Core.Dora;

namespace Lockstep.Core.History;

/// <summary>
/// What a history folder holds for a period, as read back for the dashboard: the delivery events (exactly as
/// <see cref="EventsReader"/> gives them, so DORA from the history equals DORA from the events file) and the facts
/// of the ML signal family.
/// </summary>
public sealed record HistorySnapshot(
    IReadOnlyList<DeliveryEvent> Events,
    IReadOnlyList<MetricFact> Metrics,
    IReadOnlyList<GateFact> Gates);
