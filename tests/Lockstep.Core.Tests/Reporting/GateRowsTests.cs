using Lockstep.Core.Gates;
using Lockstep.Core.Policy;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public class GateRowsTests
{
    private static GateOutcome Gate(string id, GateStatus status = GateStatus.Pass, string metric = "auc", double? candidate = null, string bound = "≥ 0.8") => new()
    {
        Id = id,
        Metric = metric,
        Status = status,
        Action = RunbookAction.Block,
        Candidate = candidate,
        Bound = bound,
        Why = string.Empty,
    };

    [Fact]
    public void Failures_come_first_then_errors_warnings_passes_and_skipped_in_policy_order_within_each()
    {
        GateOutcome[] gates =
        [
            Gate("pass-1"), Gate("warn-1", GateStatus.Warn), Gate("skip-1", GateStatus.Skipped), Gate("fail-1", GateStatus.Fail),
            Gate("error-1", GateStatus.Error), Gate("pass-2"), Gate("fail-2", GateStatus.Fail), Gate("warn-2", GateStatus.Warn),
        ];

        var order = GateRows.InReadingOrder(gates).Select(g => g.Id);

        Assert.Equal(["fail-1", "fail-2", "error-1", "warn-1", "warn-2", "pass-1", "pass-2", "skip-1"], order);
    }

    [Theory]
    [InlineData(0.812, "regression ≤ 3% (≥ 0.83614)", "regression ≤ 3% (≥ 0.836)")]
    [InlineData(164, "regression ≤ 10% (≤ 133.1)", "regression ≤ 10% (≤ 133)")]
    [InlineData(0.9, "improvement ≥ 0.01 (≥ 0.8712)", "improvement ≥ 0.01 (≥ 0.87)")]
    [InlineData(0.95, "improvement ≥ 0.01 (≥ 0.8712)", "improvement ≥ 0.01 (≥ 0.87)")]
    [InlineData(0.836, "regression ≤ 3% (≥ 0.83614)", "regression ≤ 3% (≥ 0.8361)")]
    [InlineData(0.812, "≥ 0.80123, regression ≤ 0.02 (≥ 0.842)", "≥ 0.80123, regression ≤ 0.02 (≥ 0.842)")]
    public void Computed_limits_take_the_candidates_decimals_unless_they_would_then_read_alike(double candidate, string bound, string shown)
    {
        Assert.Equal(shown, GateRows.Bound(Gate("g", candidate: candidate, bound: bound)));
    }

    [Fact]
    public void Without_a_candidate_the_bound_is_shown_as_it_is()
    {
        Assert.Equal("regression ≤ 3% (≥ 0.83614)", GateRows.Bound(Gate("g", bound: "regression ≤ 3% (≥ 0.83614)")));
    }

    [Theory]
    [InlineData("drift.psi.max", false)]
    [InlineData("drift.share_drifted", false)]
    [InlineData("psi.age", false)]
    [InlineData("auc", true)]
    [InlineData("latency.p99_ms", true)]
    public void Drift_metrics_have_no_baseline(string metric, bool hasBaseline)
    {
        Assert.Equal(hasBaseline, GateRows.HasBaseline(Gate("g", metric: metric)));
    }
}
