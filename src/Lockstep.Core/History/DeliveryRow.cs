using Lockstep.Core.Dora;

namespace Lockstep.Core.History;

/// <summary>
/// One version of a delivery event as recorded: the event's canonical JSON line (as <see cref="EventsWriter"/>
/// writes it) with typed columns beside it. The id is the SHA-256 of the line, so an event whose content changed
/// (an incident resolved later) is a new row with the same <see cref="EventId"/>; the newest
/// <see cref="RecordedAt"/> wins when reading.
/// </summary>
/// <param name="At">A deployment's finish or an incident's opening: the time the row is partitioned by.</param>
/// <param name="Type"><c>deployment</c> or <c>incident</c>.</param>
/// <param name="Status">A deployment's status (<c>success</c>, <c>failure</c>, <c>rolled_back</c>); an incident's
/// <c>open</c> or <c>resolved</c>.</param>
public sealed record DeliveryRow(
    string Id,
    DateTimeOffset At,
    string Type,
    Lane Lane,
    string EventId,
    string? Environment,
    string? Status,
    string? Sha,
    string? ModelVersion,
    string Line,
    DateTimeOffset RecordedAt)
{
    /// <summary>What identifies an event across its versions: ids are unique per type and lane.</summary>
    public (string Type, Lane Lane, string EventId) EventKey => (Type, Lane, EventId);
}
