using Lockstep.Core.Contracts;
using Lockstep.Core.Dora;
using Lockstep.Core.Drift;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;

namespace Lockstep.Core.History;

/// <summary>One file given to <c>lockstep record</c>, read as the kind its content says, with the file's SHA-256.</summary>
public abstract record HistoryInput(string Source, string Sha256)
{
    public sealed record Card(string Source, string Sha256, ReportCard Content) : HistoryInput(Source, Sha256);

    public sealed record Gate(string Source, string Sha256, GateResult Content) : HistoryInput(Source, Sha256);

    public sealed record Drift(string Source, string Sha256, DriftReport Content) : HistoryInput(Source, Sha256);

    public sealed record Freshness(string Source, string Sha256, FreshnessReport Content) : HistoryInput(Source, Sha256);

    public sealed record Events(string Source, string Sha256, IReadOnlyList<DeliveryEvent> Content) : HistoryInput(Source, Sha256);
}
