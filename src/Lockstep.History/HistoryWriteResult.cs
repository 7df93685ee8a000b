using Lockstep.Core.History;

namespace Lockstep.History;

/// <summary>What a recording did: facts added and already present, per kind, and the files it wrote.</summary>
public sealed record HistoryWriteResult(
    IReadOnlyDictionary<FactKind, int> Added,
    IReadOnlyDictionary<FactKind, int> AlreadyThere,
    IReadOnlyList<string> Written);
