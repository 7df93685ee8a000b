namespace Lockstep.Core.History;

/// <summary>
/// A metric fact as recorded: its content id (source file's SHA-256 + metric + slice), the SHA-256 of the file it came
/// from (so a gate result recorded later finds its candidate card's model and time), and the fact.
/// </summary>
public sealed record MetricRow(string Id, string SourceSha256, MetricFact Fact);
