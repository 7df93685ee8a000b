using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Core.History;

/// <summary>One gate's outcome in one recorded gate run.</summary>
/// <param name="At">When the run was recorded, or the candidate card's evaluation time when it was recorded with it.</param>
/// <param name="Run">The SHA-256 of the gate result file: one run's outcomes share it.</param>
/// <param name="Verdict">The whole run's verdict.</param>
/// <param name="Limit">The bound the value was compared with (for a change bound, the limit it works out to).</param>
/// <param name="Bound">The gate's bounds as the gate result states them, e.g. <c>≤ 150</c> or <c>regression ≤ 3% (≥ 0.83614)</c>.</param>
public sealed record GateFact(
    DateTimeOffset At,
    string Run,
    string? Model,
    string? Version,
    Verdict Verdict,
    string Gate,
    string Metric,
    string? Slice,
    GateStatus Status,
    RunbookAction Action,
    double? Candidate,
    double? Baseline,
    double? Limit,
    string Bound)
{
    /// <summary>Whether the limit was worked out from the baseline (a regression or improvement bound), not fixed by the policy.</summary>
    public bool LimitFromBaseline => Baseline is not null && Limit is not null && (Bound.StartsWith("regression", StringComparison.Ordinal) || Bound.StartsWith("improvement", StringComparison.Ordinal));
}
