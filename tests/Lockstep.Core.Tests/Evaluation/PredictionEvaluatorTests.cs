using Lockstep.Core.Evaluation;

namespace Lockstep.Core.Tests.Evaluation;

public class PredictionEvaluatorTests
{
    private static PredictionSet Binary(double[] scores, bool[] labels) => new() { Task = PredictionTask.Binary, Scores = scores, Labels = labels };

    [Fact]
    public void A_nan_score_is_refused_by_its_row_index_even_inside_a_slice()
    {
        var set = Binary([0.1, 0.9, 0.3, double.NaN], [false, true, true, false]) with
        {
            Slices = [new SliceColumn("region", new[] { 0, 0, 1, 1 }, ["EU", "US"])],
        };

        var error = Assert.Throws<ArgumentException>(() => PredictionEvaluator.Evaluate(set));

        Assert.StartsWith("scores[3] is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_latency_is_refused_by_its_row_index()
    {
        var set = Binary([0.1, 0.9], [false, true]) with { LatencyMs = new[] { 12.0, double.PositiveInfinity } };

        var error = Assert.Throws<ArgumentException>(() => PredictionEvaluator.Evaluate(set));

        Assert.StartsWith("latency[1] is ∞", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_target_is_refused_by_its_row_index()
    {
        var set = new PredictionSet { Task = PredictionTask.Regression, Scores = new[] { 1.0, 2.0 }, Targets = new[] { double.NaN, 2.0 } };

        var error = Assert.Throws<ArgumentException>(() => PredictionEvaluator.Evaluate(set));

        Assert.StartsWith("targets[0] is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_that_is_not_finite_is_refused() =>
        Assert.Throws<ArgumentException>("threshold", () => PredictionEvaluator.Evaluate(Binary([0.1, 0.9], [false, true]) with { Threshold = double.NaN }));

    [Fact]
    public void Scores_outside_0_1_leave_out_log_loss_and_brier_with_a_note_naming_the_row()
    {
        var result = PredictionEvaluator.Evaluate(Binary([0.1, 0.9, -0.0000001, 0.4], [false, true, true, false]));

        Assert.False(result.Metrics.ContainsKey("log_loss"));
        Assert.False(result.Metrics.ContainsKey("brier"));
        Assert.Equal(
            ["log_loss and brier left out: the score of row 3 (scores[2]) is -1E-07, outside [0, 1]; they need probabilities"],
            result.Notes);
    }

    [Fact]
    public void Regression_predictions_outside_0_1_need_no_note() =>
        Assert.Empty(PredictionEvaluator.Evaluate(new PredictionSet { Task = PredictionTask.Regression, Scores = new[] { 5.0, -2.0 }, Targets = new[] { 4.0, -1.0 } }).Notes);

    [Fact]
    public void A_baseline_adds_the_paired_comparison_overall_and_per_slice()
    {
        double[] candidate = [0.1, 0.4, 0.4, 0.3, 0.8, 0.6, 0.6, 0.9, 0.2, 0.3, 0.7, 0.2, 0.5, 0.9];
        double[] baseline = [0.2, 0.2, 0.5, 0.5, 0.7, 0.5, 0.3, 0.7, 0.1, 0.2, 0.6, 0.4, 0.6, 0.3];
        bool[] labels = [false, false, true, false, true, true, false, true, false, true, true, false, false, true];
        var set = Binary(candidate, labels) with
        {
            BaselineScores = baseline,
            Slices = [new SliceColumn("region", new[] { 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1 }, ["EU", "US"])],
        };

        var result = PredictionEvaluator.Evaluate(set);

        var overall = Lockstep.Core.Metrics.DeLongTest.Compare(candidate, baseline, labels);
        Assert.Equal(overall.Delta, result.Metrics["auc.delta"]);
        Assert.Equal(overall.PValue, result.Metrics["auc.delta.p_value"]);
        var eu = Lockstep.Core.Metrics.DeLongTest.Compare(candidate.AsSpan(0, 7), baseline.AsSpan(0, 7), labels.AsSpan(0, 7));
        Assert.Equal(eu.StandardError, result.Slices["region=EU"]["auc.delta.se"]);
        Assert.Equal(result.Slices["region=US"]["auc"] - result.Slices["region=US"]["auc.baseline"], result.Slices["region=US"]["auc.delta"], 1e-15);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void A_slice_where_the_comparison_is_not_computable_gets_a_note_and_no_interval()
    {
        // Slice EU holds one positive row: its AUCs exist, DeLong's variance does not.
        var set = Binary([0.1, 0.9, 0.3, 0.2, 0.8, 0.7, 0.4], [false, true, false, false, true, true, false]) with
        {
            BaselineScores = new[] { 0.2, 0.6, 0.1, 0.5, 0.4, 0.9, 0.3 },
            Slices = [new SliceColumn("region", new[] { 0, 0, 0, 1, 1, 1, 1 }, ["EU", "US"])],
        };

        var result = PredictionEvaluator.Evaluate(set);

        Assert.True(result.Slices["region=EU"].ContainsKey("auc.delta"));
        Assert.False(result.Slices["region=EU"].ContainsKey("auc.delta.ci_low"));
        Assert.True(result.Slices["region=US"].ContainsKey("auc.delta.ci_low"));
        Assert.Single(result.Notes, note => note.StartsWith("slice region=EU: auc.delta.se", StringComparison.Ordinal));
    }

    [Fact]
    public void A_nan_baseline_score_is_refused_by_its_row_index() =>
        Assert.StartsWith(
            "baseline scores[1] is NaN",
            Assert.Throws<ArgumentException>(() => PredictionEvaluator.Evaluate(Binary([0.1, 0.9], [false, true]) with { BaselineScores = new[] { 0.2, double.NaN } })).Message,
            StringComparison.Ordinal);
}
