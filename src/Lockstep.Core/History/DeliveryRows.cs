using Lockstep.Core.Dora;

namespace Lockstep.Core.History;

/// <summary>A delivery event as a history row: its canonical line, the line's SHA-256 as id, and typed columns.</summary>
public static class DeliveryRows
{
    public static DeliveryRow From(DeliveryEvent delivery, DateTimeOffset recordedAt)
    {
        var line = EventsWriter.Line(delivery);
        var id = FactId.Of(line);
        return delivery switch
        {
            Deployment d => new DeliveryRow(
                id, d.FinishedAt.ToUniversalTime(), "deployment", d.Lane, d.Id, d.Environment, EventsWriter.StatusName(d.Status), d.Sha, d.ModelVersion, line, recordedAt.ToUniversalTime()),
            Incident i => new DeliveryRow(
                id, i.OpenedAt.ToUniversalTime(), "incident", i.Lane, i.Id, null, i.ResolvedAt is null ? "open" : "resolved", null, null, line, recordedAt.ToUniversalTime()),
            _ => throw new ArgumentException($"unknown event type {delivery?.GetType().Name}", nameof(delivery)),
        };
    }
}
