using Lockstep.Core.Dora;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Reporting;

/// <summary>What one PR comment shows: the gate result, and optionally the PR's lead time and the DORA report.</summary>
public sealed record PrReportInput
{
    public required GateResult Gate { get; init; }

    /// <summary>The policy file from the repository root, and its lines' address where the platform has one, for the gate section's reasons.</summary>
    public required PolicyLink Policy { get; init; }

    public DoraReport? Dora { get; init; }

    public PrLeadTimeView? PrView { get; init; }

    /// <summary>The lane this PR touches, for the PR view.</summary>
    public Lane Lane { get; init; } = Lane.Model;

    public int? PrNumber { get; init; }

    /// <summary>The published dashboard, linked as the delivery section's first line.</summary>
    public Uri? Dashboard { get; init; }

    /// <summary>No Mermaid and no HTML, for surfaces that render neither.</summary>
    public bool Plain { get; init; }
}
