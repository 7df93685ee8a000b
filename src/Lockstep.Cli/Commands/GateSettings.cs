namespace Lockstep.Cli.Commands;

/// <summary>What <c>lockstep gate</c> was asked to do, as parsed from the command line.</summary>
public sealed record GateSettings(
    string PolicyPath,
    string CandidatePath,
    string? BaselinePath,
    string? ResultPath,
    string? MarkdownPath)
{
    /// <summary>Drift or freshness reports whose metrics are added to the candidate's.</summary>
    public IReadOnlyList<string> MetricsPaths { get; init; } = [];
}
