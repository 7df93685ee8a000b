namespace Lockstep.Core.History;

/// <summary>A gate fact as recorded: its content id (result file's SHA-256 + gate id) and the fact.</summary>
public sealed record GateRow(string Id, GateFact Fact);
