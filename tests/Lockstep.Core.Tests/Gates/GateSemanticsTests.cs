using Lockstep.Core.Gates;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Gates;

/// <summary>The policy semantics of one gate, edge by edge.</summary>
public class GateSemanticsTests
{
    public static TheoryData<string, double, double?, GateStatus> Cases => new()
    {
        // Value bounds are inclusive.
        { "{ id: g, metric: drift.psi.max, max: 0.25 }", 0.25, null, GateStatus.Pass },
        { "{ id: g, metric: drift.psi.max, max: 0.25 }", 0.2500001, null, GateStatus.Fail },
        { "{ id: g, metric: auc, min: 0.8 }", 0.8, null, GateStatus.Pass },
        { "{ id: g, metric: auc, min: 0.8 }", 0.7999, null, GateStatus.Fail },
        { "{ id: g, metric: auc, min: 0.7, max: 0.9 }", 0.95, null, GateStatus.Fail },

        // max_regression, absolute, higher is better: at most 0.02 below the baseline.
        { "{ id: g, metric: auc, max_regression: 0.02 }", 0.83, 0.85, GateStatus.Pass },
        { "{ id: g, metric: auc, max_regression: 0.02 }", 0.8299, 0.85, GateStatus.Fail },
        { "{ id: g, metric: auc, max_regression: 0.02 }", 0.99, 0.85, GateStatus.Pass },

        // max_regression, relative: 3% of the baseline 0.862 is 0.02586, so the floor is 0.83614.
        { "{ id: g, metric: auc, max_regression: 3% }", 0.83614, 0.862, GateStatus.Pass },
        { "{ id: g, metric: auc, max_regression: 3% }", 0.8361, 0.862, GateStatus.Fail },

        // Lower is better (latency.*): the regression is upwards.
        { "{ id: g, metric: latency.p99_ms, max_regression: 10% }", 110, 100, GateStatus.Pass },
        { "{ id: g, metric: latency.p99_ms, max_regression: 10% }", 110.01, 100, GateStatus.Fail },
        { "{ id: g, metric: latency.p99_ms, max_regression: 10% }", 50, 100, GateStatus.Pass },

        // min_improvement: 0.80 + 0.05 is 0.8500000000000001 in floating point; 0.85 must still pass.
        { "{ id: g, metric: accuracy, min_improvement: 0.05 }", 0.85, 0.80, GateStatus.Pass },
        { "{ id: g, metric: accuracy, min_improvement: 0.05 }", 0.8499, 0.80, GateStatus.Fail },
        { "{ id: g, metric: rmse, min_improvement: 0.1 }", 0.9, 1.0, GateStatus.Pass },
        { "{ id: g, metric: rmse, min_improvement: 0.1 }", 0.91, 1.0, GateStatus.Fail },
        { "{ id: g, metric: rmse, min_improvement: 10% }", 0.9, 1.0, GateStatus.Pass },

        // higher_is_better overrides the default and makes an unknown metric usable.
        { "{ id: g, metric: cost, higher_is_better: false, max_regression: 0.1 }", 1.1, 1.0, GateStatus.Pass },
        { "{ id: g, metric: cost, higher_is_better: false, max_regression: 0.1 }", 1.2, 1.0, GateStatus.Fail },
        { "{ id: g, metric: auc, higher_is_better: false, max_regression: 0.01 }", 0.9, 0.8, GateStatus.Fail },

        // A failing gate whose action is warn warns.
        { "{ id: g, metric: drift.psi.max, max: 0.1, action: warn }", 0.17, null, GateStatus.Warn },

        // Relative bound on a zero baseline cannot be applied; an absolute one can.
        { "{ id: g, metric: drift.psi.max, max_regression: 10% }", 0.0, 0.0, GateStatus.Error },
        { "{ id: g, metric: drift.psi.max, max_regression: 0.05 }", 0.04, 0.0, GateStatus.Pass },

        // Non-finite values never pass, optional or not.
        { "{ id: g, metric: auc, min: 0.5 }", double.NaN, null, GateStatus.Error },
        { "{ id: g, metric: auc, min: 0.5, optional: true }", double.NaN, null, GateStatus.Error },
        { "{ id: g, metric: auc, max: 1 }", double.PositiveInfinity, null, GateStatus.Error },
        { "{ id: g, metric: auc, min: 0 }", double.NegativeInfinity, null, GateStatus.Error },
        { "{ id: g, metric: auc, max_regression: 0.01 }", 0.8, double.NaN, GateStatus.Error },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gate_status_follows_the_policy(string gate, double candidate, double? baseline, GateStatus expected) =>
        Assert.Equal(expected, OneMetric(gate, candidate, baseline).Status);

    [Fact]
    public void Missing_metric_is_an_error_naming_the_file_and_field()
    {
        var outcome = EvaluateOne("  - { id: g, metric: auc, min: 0.5 }", Card("candidate.json", ("accuracy", 0.9)), null);

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.Contains("candidate.json: $.metrics['auc']", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_metric_skips_an_optional_gate()
    {
        var outcome = EvaluateOne("  - { id: g, metric: auc, min: 0.5, optional: true }", Card("candidate.json"), null);

        Assert.Equal(GateStatus.Skipped, outcome.Status);
    }

    [Fact]
    public void Metric_missing_from_the_baseline_is_an_error()
    {
        var outcome = EvaluateOne(
            "  - { id: g, metric: auc, max_regression: 0.01 }", Card("candidate.json", ("auc", 0.9)), Card("baseline.json"));

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.StartsWith("baseline.json: $.metrics['auc']", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_baseline_under_a_relative_bound_says_why()
    {
        var outcome = EvaluateOne(
            "  - { id: g, metric: drift.psi.max, max_regression: 10% }", Card("c.json", ("drift.psi.max", 0)), Card("b.json", ("drift.psi.max", 0)));

        Assert.Contains("baseline is exactly 0", outcome.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ id: g, metric: drift.psi.max, max: 0.25 }", 0.2500001, null, "0.2500001 is above the maximum 0.25")]
    [InlineData("{ id: g, metric: auc, min: 0.8 }", 0.79999999, null, "0.79999999 is below the minimum 0.8")]
    [InlineData("{ id: g, metric: drift.psi.max, max: 0.25 }", 0.31, null, "0.31 is above the maximum 0.25")]
    [InlineData(
        "{ id: g, metric: auc, max_regression: 0.02 }", 0.8299999, 0.85,
        "0.8299999 is 0.02 lower than the baseline 0.85; a regression of at most 0.02 is allowed (limit 0.83)")]
    [InlineData(
        "{ id: g, metric: accuracy, min_improvement: 0.05 }", 0.8499999, 0.8,
        "0.8499999 does not improve on the baseline 0.8 by 0.05 (target 0.85)")]
    public void A_breach_never_prints_the_value_and_its_bound_alike(string gate, double candidate, double? baseline, string expected) =>
        Assert.Equal(expected, OneMetric(gate, candidate, baseline).Why);

    /// <summary>One gate over cards that hold only its metric.</summary>
    private static GateOutcome OneMetric(string gate, double candidate, double? baseline) =>
        EvaluateOne(
            "  - " + gate,
            Card("candidate.json", (MetricOf(gate), candidate)),
            baseline is { } b ? Card("baseline.json", (MetricOf(gate), b)) : null);

    [Fact]
    public void First_model_fails_change_bounds_by_default_and_says_how_to_allow()
    {
        var outcome = EvaluateOne("  - { id: g, metric: auc, max_regression: 3% }", Card("c.json", ("auc", 0.9)), null);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Contains("first_model: allow", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void First_model_allow_skips_change_bounds_but_keeps_value_bounds()
    {
        var passing = EvaluateOne(
            "  - { id: g, metric: auc, min: 0.7, max_regression: 3% }", Card("c.json", ("auc", 0.9)), null, firstModel: "allow");
        var failing = EvaluateOne(
            "  - { id: g, metric: auc, min: 0.95, max_regression: 3% }", Card("c.json", ("auc", 0.9)), null, firstModel: "allow");

        Assert.Equal(GateStatus.Pass, passing.Status);
        Assert.Contains("first_model: allow", passing.Why, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Fail, failing.Status);
    }

    [Fact]
    public void Slice_gate_reads_the_slice_metrics()
    {
        var candidate = Card("c.json", ("auc", 0.95)).WithSlice("region=EU", ("auc", 0.7));

        var outcome = EvaluateOne("  - { id: g, metric: auc, slice: region=EU, min: 0.8 }", candidate, null);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal(0.7, outcome.Candidate);
    }

    [Fact]
    public void Missing_slice_is_an_error_naming_the_slice()
    {
        var outcome = EvaluateOne("  - { id: g, metric: auc, slice: region=EU, min: 0.8 }", Card("c.json", ("auc", 0.95)), null);

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.Contains("$.slices['region=EU']", outcome.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_gate_on_a_card_read_without_slices_is_an_error()
    {
        var card = Lockstep.Core.Contracts.ReportCardReader.Parse(
            """{ "schema": "lockstep.report-card/v1", "model": { "name": "m", "version": "1" }, "metrics": { "auc": 0.9 } }""", "c.json");

        var outcome = EvaluateOne("  - { id: g, metric: auc, slice: region=EU, min: 0.8 }", new CardInput("c.json", card), null);

        Assert.Equal(GateStatus.Error, outcome.Status);
    }

    [Fact]
    public void Outcome_carries_baseline_delta_and_relative_delta()
    {
        var outcome = EvaluateOne(
            "  - { id: g, metric: auc, max_regression: 3% }", Card("c.json", ("auc", 0.812)), Card("b.json", ("auc", 0.862)));

        Assert.Equal(0.862, outcome.Baseline);
        Assert.Equal(0.812 - 0.862, outcome.Delta!.Value, 12);
        Assert.Equal((0.812 - 0.862) / 0.862, outcome.RelativeDelta!.Value, 12);
        Assert.Equal("regression ≤ 3% (≥ 0.83614)", outcome.Bound);
    }

    [Fact]
    public void Value_only_gate_still_shows_the_baseline_for_context()
    {
        var outcome = EvaluateOne(
            "  - { id: g, metric: latency.p99_ms, max: 150 }", Card("c.json", ("latency.p99_ms", 118)), Card("b.json", ("latency.p99_ms", 121)));

        Assert.Equal(GateStatus.Pass, outcome.Status);
        Assert.Equal(121, outcome.Baseline);
        Assert.Equal(-3, outcome.Delta);
    }

    /// <summary>Property: a candidate exactly on a computed limit passes, and one visibly beyond it fails.</summary>
    [Fact]
    public void Candidate_on_the_computed_limit_passes_and_beyond_it_fails()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 2000; i++)
        {
            var baseline = Math.Round(1 + (random.NextDouble() * 100), random.Next(1, 6));
            var amount = Math.Round(random.NextDouble() * 0.5, random.Next(1, 4));
            var relative = random.Next(2) == 0;
            var higherIsBetter = random.Next(2) == 0;
            var allowed = relative ? amount * baseline : amount;
            var limit = higherIsBetter ? baseline - allowed : baseline + allowed;
            var beyond = higherIsBetter ? limit - (1e-6 * Math.Max(1, Math.Abs(limit))) : limit + (1e-6 * Math.Max(1, Math.Abs(limit)));
            var bound = relative ? FormattableString.Invariant($"{amount * 100}%") : FormattableString.Invariant($"{amount}");
            var gate = $"  - {{ id: g, metric: m, higher_is_better: {(higherIsBetter ? "true" : "false")}, max_regression: \"{bound}\" }}";

            var onLimit = EvaluateOne(gate, Card("c", ("m", limit)), Card("b", ("m", baseline)));
            var outside = EvaluateOne(gate, Card("c", ("m", beyond)), Card("b", ("m", baseline)));

            Assert.True(onLimit.Status == GateStatus.Pass, $"on limit: baseline {baseline}, bound {bound}, candidate {limit}: {onLimit.Why}");
            Assert.True(outside.Status == GateStatus.Fail, $"beyond: baseline {baseline}, bound {bound}, candidate {beyond}");
        }
    }

    private static string MetricOf(string gate)
    {
        var start = gate.IndexOf("metric: ", StringComparison.Ordinal) + "metric: ".Length;
        return gate[start..gate.IndexOf(',', start)];
    }
}
