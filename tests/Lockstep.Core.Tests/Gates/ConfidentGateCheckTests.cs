using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Gates;

/// <summary>Gates with <c>confidence:</c>: the decision table of docs/policy.md, row by row, and what the outcome carries.</summary>
public class ConfidentGateCheckTests
{
    private const string Regression = "  - { id: g, metric: auc, max_regression: 0.01, confidence: 0.95 }";

    /// <summary>z for a two-sided 95% interval, SciPy's norm.ppf(0.975).</summary>
    private const double Z95 = 1.959963984540054;

    /// <summary>A candidate card with a paired comparison on the same rows, as lockstep eval --baseline-score writes it.</summary>
    private static CardInput Paired(double delta, double se, double? rows = null) =>
        Card("candidate.json", [("auc", 0.80 + delta), ("auc.baseline", 0.80), ("auc.delta", delta), ("auc.delta.se", se), .. Rows(rows)]);

    private static (string, double)[] Rows(double? rows) => rows is { } n ? [("rows", n)] : [];

    public static TheoryData<string, double, double, GateStatus, bool> DecisionTable => new()
    {
        // Interval of the change wholly beyond the allowed −0.01: fail. [−0.0398, −0.0202]
        { Regression, -0.03, 0.005, GateStatus.Fail, false },
        // Interval straddles −0.01: inconclusive, which warns by default. [−0.069, +0.009]
        { Regression, -0.03, 0.02, GateStatus.Warn, true },
        // ... or fails with the gate's action by `inconclusive: fail`.
        { "  - { id: g, metric: auc, max_regression: 0.01, confidence: 0.95, inconclusive: fail }", -0.03, 0.02, GateStatus.Fail, true },
        // ... and warns with `inconclusive: fail` when the gate's action is warn.
        { "  - { id: g, metric: auc, max_regression: 0.01, confidence: 0.95, inconclusive: fail, action: warn }", -0.03, 0.02, GateStatus.Warn, true },
        // Interval wholly within the allowed regression: pass. [−0.0078, +0.0078]
        { Regression, 0.0, 0.004, GateStatus.Pass, false },
        // A point estimate beyond the bound that is not significantly so is inconclusive, not a failure.
        { Regression, -0.012, 0.01, GateStatus.Warn, true },
        // min_improvement: the improvement must be shown. [+0.0102, +0.0298] passes; [+0.0022, +0.0218] straddles +0.01.
        { "  - { id: g, metric: auc, min_improvement: 0.01, confidence: 0.95 }", 0.02, 0.005, GateStatus.Pass, false },
        { "  - { id: g, metric: auc, min_improvement: 0.01, confidence: 0.95 }", 0.012, 0.005, GateStatus.Warn, true },
        { "  - { id: g, metric: auc, min_improvement: 0.01, confidence: 0.95 }", -0.01, 0.005, GateStatus.Fail, false },
    };

    [Theory]
    [MemberData(nameof(DecisionTable))]
    public void A_change_fails_only_when_its_whole_interval_lies_beyond_the_bound(
        string gate, double delta, double se, GateStatus expected, bool inconclusive)
    {
        var outcome = EvaluateOne(gate, Paired(delta, se), null);

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(inconclusive, outcome.Inconclusive);
    }

    [Fact]
    public void The_outcome_carries_the_paired_change_its_interval_and_p_value()
    {
        var outcome = EvaluateOne(Regression, Paired(-0.03, 0.005), Card("baseline.json", ("auc", 0.9)));

        Assert.Equal(0.95, outcome.Confidence);
        Assert.Equal(0.80, outcome.Baseline);
        Assert.Equal(-0.03, outcome.Delta);
        Assert.Equal(-0.03 - (Z95 * 0.005), outcome.DeltaInterval!.Low, 12);
        Assert.Equal(-0.03 + (Z95 * 0.005), outcome.DeltaInterval.High, 12);
        Assert.Equal(NormalDistribution.TwoSidedPValue(-6), outcome.PValue);
        Assert.Equal("regression ≤ 0.01 (≥ 0.79) at 95% confidence", outcome.Bound);
        Assert.Equal(0.79, outcome.Limit!.Value, 12);
        Assert.Contains("the change −0.03 [−0.0398, −0.0202] at 95% lies wholly below the allowed change −0.01", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inconclusive_gate_says_how_many_more_labelled_rows_would_settle_it()
    {
        var outcome = EvaluateOne(Regression, Paired(-0.03, 0.02, rows: 400), null);

        // The interval clears −0.01 once z·se ≤ 0.02: se must shrink by z·0.02/0.02 = 1.96, the rows grow by
        // 1.96² = 3.8415 to 1,536.58, so 1,537 in all and 1,137 more.
        Assert.Equal(1137, outcome.MoreRows);
        Assert.StartsWith("inconclusive: the change −0.03 [−0.069199, +0.009199] at 95% straddles", outcome.Why, StringComparison.Ordinal);
        Assert.EndsWith("about 1,137 more labelled rows (1,537 in all) would settle it", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_row_count_the_estimate_is_a_multiple_of_the_rows()
    {
        var outcome = EvaluateOne(Regression, Paired(-0.03, 0.02), null);

        Assert.Null(outcome.MoreRows);
        Assert.EndsWith("about 3.8× the labelled rows would settle it", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estimate_on_the_bound_cannot_be_settled_by_more_rows()
    {
        var outcome = EvaluateOne(Regression, Paired(-0.01, 0.005, rows: 400), null);

        Assert.True(outcome.Inconclusive);
        Assert.Null(outcome.MoreRows);
        Assert.EndsWith("more rows alone would not settle it", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_cards_combine_both_standard_errors()
    {
        // Change −0.04, se √(0.01² + 0.01²) = 0.014142: [−0.0677, −0.0123] lies beyond −0.01.
        var candidate = Card("candidate.json", ("auc", 0.80), ("auc.se", 0.01));
        var baseline = Card("baseline.json", ("auc", 0.84), ("auc.se", 0.01));

        var outcome = EvaluateOne(Regression, candidate, baseline);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal(-0.04 - (Z95 * Math.Sqrt(0.0002)), outcome.DeltaInterval!.Low, 12);
    }

    [Fact]
    public void More_candidate_rows_cannot_settle_what_the_baselines_own_error_leaves_open()
    {
        // Change −0.02, se √(0.001² + 0.01²): the baseline's 0.01 alone gives z·0.01 = 0.0196 > |−0.02 − (−0.01)|.
        var candidate = Card("candidate.json", ("auc", 0.82), ("auc.se", 0.001), ("rows", 10_000));
        var baseline = Card("baseline.json", ("auc", 0.84), ("auc.se", 0.01));

        var outcome = EvaluateOne(Regression, candidate, baseline);

        Assert.True(outcome.Inconclusive);
        Assert.EndsWith("more rows alone would not settle it", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_without_a_standard_error_cannot_decide_an_unpaired_change()
    {
        var outcome = EvaluateOne(Regression, Card("candidate.json", ("auc", 0.80), ("auc.se", 0.01)), Card("baseline.json", ("auc", 0.84)));

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.StartsWith("baseline.json: $.metrics['auc.se']: missing", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_without_any_standard_error_cannot_decide()
    {
        var outcome = EvaluateOne(Regression, Card("candidate.json", ("auc", 0.80)), Card("baseline.json", ("auc", 0.84), ("auc.se", 0.01)));

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.Contains("--baseline-score", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_standard_error_is_an_error_naming_the_field()
    {
        var outcome = EvaluateOne(Regression, Paired(-0.03, -0.01), null);

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.StartsWith("candidate.json: $.metrics['auc.delta.se']: -0.01, expected a standard error", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paired_comparison_decides_without_a_baseline_card_and_the_first_model_rule_applies_without_one()
    {
        Assert.Equal(GateStatus.Pass, EvaluateOne(Regression, Paired(0, 0.001), null).Status);

        var first = EvaluateOne(Regression, Card("candidate.json", ("auc", 0.8), ("auc.se", 0.01)), null);
        var allowed = EvaluateOne(Regression, Card("candidate.json", ("auc", 0.8), ("auc.se", 0.01)), null, firstModel: "allow");

        Assert.Equal(GateStatus.Fail, first.Status);
        Assert.Contains("first_model: allow", first.Why, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Pass, allowed.Status);
    }

    [Fact]
    public void A_slice_gate_reads_the_slices_figures()
    {
        var candidate = Card("candidate.json", ("auc", 0.9)).WithSlice("region=EU", ("auc", 0.77), ("auc.delta", -0.03), ("auc.delta.se", 0.005));

        var outcome = EvaluateOne("  - { id: g, metric: auc, slice: region=EU, max_regression: 0.01, confidence: 0.95 }", candidate, null);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal(0.80, outcome.Baseline!.Value, 12);
    }

    [Fact]
    public void Lower_is_better_metrics_regress_upwards()
    {
        // Latency +20 ms, se √(2² + 2²) = 2.83: [+14.5, +25.5] lies above the allowed +10 (10% of 100).
        var outcome = EvaluateOne(
            "  - { id: g, metric: latency.p99_ms, max_regression: 10%, confidence: 0.95 }",
            Card("candidate.json", ("latency.p99_ms", 120), ("latency.p99_ms.se", 2)),
            Card("baseline.json", ("latency.p99_ms", 100), ("latency.p99_ms.se", 2)));

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Contains("lies wholly above the allowed change +10", outcome.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.75, GateStatus.Fail, false)]
    [InlineData(0.79, GateStatus.Warn, true)]
    [InlineData(0.85, GateStatus.Pass, false)]
    public void Value_bounds_are_judged_by_the_candidates_interval(double accuracy, GateStatus expected, bool inconclusive)
    {
        var outcome = EvaluateOne(
            "  - { id: g, metric: accuracy, min: 0.8, confidence: 0.95 }", Card("candidate.json", ("accuracy", accuracy), ("accuracy.se", 0.01)), null);

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(inconclusive, outcome.Inconclusive);
        Assert.Equal(accuracy - (Z95 * 0.01), outcome.CandidateInterval!.Low, 12);
    }

    [Fact]
    public void A_value_bound_without_a_standard_error_cannot_decide()
    {
        var outcome = EvaluateOne("  - { id: g, metric: accuracy, min: 0.8, confidence: 0.95 }", Card("candidate.json", ("accuracy", 0.9)), null);

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.Contains("--bootstrap", outcome.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.2, 0.9, GateStatus.Pass, false)]
    [InlineData(0.275, 0.46, GateStatus.Warn, true)]
    [InlineData(0.31, 1.3e-13, GateStatus.Fail, false)]
    public void A_psi_above_its_max_fails_only_when_significant(double psi, double pValue, GateStatus expected, bool inconclusive)
    {
        var candidate = Card("candidate.json", ("drift.psi.price", psi), ("drift.psi_p_value.price", pValue), ("drift.psi_min_detectable.price", 0.52));

        var outcome = EvaluateOne("  - { id: g, metric: drift.psi.price, max: 0.25, confidence: 0.95 }", candidate, null);

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(inconclusive, outcome.Inconclusive);
    }

    [Fact]
    public void A_psi_that_may_be_noise_says_how_many_times_the_rows_would_tell()
    {
        var candidate = Card("candidate.json", ("drift.psi.price", 0.275), ("drift.psi_p_value.price", 0.46), ("drift.psi_min_detectable.price", 0.52));

        var outcome = EvaluateOne("  - { id: g, metric: drift.psi.price, max: 0.25, confidence: 0.95 }", candidate, null);

        Assert.Equal(
            "inconclusive: the PSI of 'price', 0.275, is above the maximum 0.25 but not significant at 95% (p = 0.46): " +
            "it may be sampling noise; about 1.9× the rows on each side would settle it",
            outcome.Why);
        Assert.Equal(0.46, outcome.PValue);
    }

    [Fact]
    public void The_max_psi_fails_when_any_feature_above_the_max_is_significant()
    {
        var candidate = Card(
            "candidate.json", ("drift.psi.max", 0.3), ("drift.psi.price", 0.3), ("drift.psi_p_value.price", 0.4),
            ("drift.psi.age", 0.28), ("drift.psi_p_value.age", 0.001), ("drift.psi.tenure", 0.01));

        var outcome = EvaluateOne("  - { id: g, metric: drift.psi.max, max: 0.25, confidence: 0.95 }", candidate, null);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal("the PSI of 'age', 0.28, is above the maximum 0.25 and significant at 95% (p = 0.001)", outcome.Why);
        Assert.Equal(0.001, outcome.PValue);
    }

    [Fact]
    public void A_psi_above_its_max_without_a_p_value_cannot_decide()
    {
        var outcome = EvaluateOne(
            "  - { id: g, metric: drift.psi.price, max: 0.25, confidence: 0.95 }", Card("candidate.json", ("drift.psi.price", 0.3)), null);

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.StartsWith("candidate.json: $.metrics['drift.psi_p_value.price']: missing", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_max_psi_above_its_max_with_no_feature_above_cannot_decide()
    {
        var outcome = EvaluateOne(
            "  - { id: g, metric: drift.psi.max, max: 0.25, confidence: 0.95 }", Card("candidate.json", ("drift.psi.max", 0.3)), null);

        Assert.Equal(GateStatus.Error, outcome.Status);
    }

    [Fact]
    public void A_gate_without_confidence_carries_no_interval_fields()
    {
        var outcome = EvaluateOne("  - { id: g, metric: auc, max_regression: 0.01 }", Paired(-0.03, 0.02), Card("baseline.json", ("auc", 0.8)));

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Null(outcome.Confidence);
        Assert.Null(outcome.Inconclusive);
        Assert.Null(outcome.DeltaInterval);
    }
}
