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

    /// <summary>A budget report (<c>lockstep budget --json</c>) whose <c>budget.&lt;slo-id&gt;.*</c> metrics are added to the candidate's.</summary>
    public string? BudgetPath { get; init; }

    /// <summary>Where the markdown report's reasons point (a CI entrypoint's repository path and link); the path as typed when null.</summary>
    public Lockstep.Core.Reporting.PolicyLink? PolicyLink { get; init; }
}
