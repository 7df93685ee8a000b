using CsCheck;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class ClassificationMetricsTests
{
    private static readonly bool[] Labels = [false, false, true, true, true, false, true, false];
    private static readonly double[] Scores = [0.1, 0.6, 0.7, 0.4, 0.95, 0.5, 0.2, 0.05];

    // Oracle: scikit-learn 1.2.1 on y = [0,0,1,1,1,0,1,0], p = [.1,.6,.7,.4,.95,.5,.2,.05], y_pred = p >= 0.5, equal to the
    // last bit:
    // repr() of accuracy_score, precision_score, recall_score, f1_score, log_loss(y, p), brier_score_loss(y, p).
    [Theory]
    [InlineData("accuracy", 0.5)]
    [InlineData("precision", 0.5)]
    [InlineData("recall", 0.5)]
    [InlineData("f1", 0.5)]
    [InlineData("log_loss", 0.587473575639252)]
    [InlineData("brier", 0.214375)]
    public void Matches_scikit_learn(string metric, double expected) =>
        Assert.Equal(expected, ClassificationMetrics.Compute(Scores, Labels, 0.5)[metric]);

    [Fact]
    public void Log_loss_clips_certain_wrong_predictions_at_machine_epsilon() =>
        // Oracle: sklearn.metrics.log_loss([0, 1, 1], [0.0, 1.0, 0.3]) = 0.4013242681086455 (scikit-learn 1.2.1).
        Assert.Equal(0.4013242681086455, ClassificationMetrics.LogLoss([0.0, 1.0, 0.3], [false, true, true]));

    [Fact]
    public void Precision_with_no_predicted_positive_is_zero_as_scikit_learn()
    {
        var metrics = ClassificationMetrics.Compute([0.1, 0.2], [true, false], 0.5);

        Assert.Equal(0, metrics["precision"]);
        Assert.Equal(0, metrics["f1"]);
    }

    [Fact]
    public void Scores_outside_0_1_leave_out_the_probability_metrics_and_say_which()
    {
        double[] scores = [0.2, 0.3, 4.0, -2.5];
        var metrics = ClassificationMetrics.Compute(scores, [false, true, true, false], 0.5);

        Assert.False(metrics.ContainsKey("log_loss"));
        Assert.False(metrics.ContainsKey("brier"));
        Assert.Equal(1.0, metrics["auc"]);
        Assert.Equal(2, ClassificationMetrics.FirstNonProbability(scores));
    }

    [Theory]
    [InlineData(1.5, "scores[1] is 1.5, outside [0, 1]: log_loss needs probabilities")]
    [InlineData(-0.25, "scores[1] is -0.25, outside [0, 1]: log_loss needs probabilities")]
    public void Log_loss_refuses_a_score_outside_0_1_by_its_index(double bad, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.LogLoss([0.5, bad], [true, false]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Brier_refuses_a_score_outside_0_1_by_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Brier([0.5, 0.25, 1.0000001], [true, false, true]));

        Assert.StartsWith("scores[2] is 1.0000001, outside [0, 1]: brier needs probabilities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Brier_matches_scikit_learn() =>
        // Oracle: sklearn.metrics.brier_score_loss(y, p) on the eight rows above = 0.214375 (scikit-learn 1.2.1).
        Assert.Equal(0.214375, ClassificationMetrics.Brier(Scores, Labels));

    [Theory]
    [InlineData(double.NaN, "scores[3] is NaN")]
    [InlineData(double.PositiveInfinity, "scores[3] is ∞")]
    [InlineData(double.NegativeInfinity, "scores[3] is -∞")]
    public void A_score_that_is_not_finite_is_refused_by_its_index(double bad, string expected)
    {
        double[] scores = [0.1, 0.9, 0.3, bad];
        bool[] labels = [false, true, true, false];

        foreach (var call in new Action[]
        {
            () => ClassificationMetrics.Compute(scores, labels, 0.5),
            () => ClassificationMetrics.WithoutAuc(scores, labels, 0.5),
            () => ClassificationMetrics.LogLoss(scores, labels),
            () => ClassificationMetrics.Brier(scores, labels),
        })
        {
            var error = Assert.Throws<ArgumentException>(call);
            Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_threshold_that_is_not_finite_is_refused() =>
        Assert.Throws<ArgumentException>("threshold", () => ClassificationMetrics.WithoutAuc([0.1, 0.9], [false, true], double.NaN));

    [Fact]
    public void Scores_and_labels_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>("labels", () => ClassificationMetrics.WithoutAuc([0.1, 0.9, 0.5], [false, true], 0.5));

    /// <summary>Property: the counts, log loss and Brier score from their textbook definitions, within 1e-9.</summary>
    [Fact]
    public void Equals_the_definitions_on_random_probabilities() =>
        Gen.Select(Gen.Select(Gen.Double[0, 1], Gen.Bool).Array[1, 300], Gen.Double[0, 1])
            .Sample((rows, threshold) =>
            {
                var scores = rows.Select(r => r.Item1).ToArray();
                var labels = rows.Select(r => r.Item2).ToArray();
                var metrics = ClassificationMetrics.WithoutAuc(scores, labels, threshold);

                double n = scores.Length;
                var tp = scores.Zip(labels).Count(r => r.First >= threshold && r.Second);
                var fp = scores.Zip(labels).Count(r => r.First >= threshold && !r.Second);
                var fn = scores.Zip(labels).Count(r => r.First < threshold && r.Second);
                var tn = scores.Length - tp - fp - fn;
                var eps = Math.Pow(2, -52);
                var logLoss = -scores.Zip(labels).Sum(r =>
                {
                    var p = Math.Min(Math.Max(r.First, eps), 1 - eps);
                    return r.Second ? Math.Log(p) : Math.Log(1 - p);
                }) / n;
                var brier = scores.Zip(labels).Sum(r => (r.First - (r.Second ? 1 : 0)) * (r.First - (r.Second ? 1 : 0))) / n;

                Assert.Equal((tp + tn) / n, metrics["accuracy"], 1e-9);
                Assert.Equal(tp + fp == 0 ? 0 : tp / (double)(tp + fp), metrics["precision"], 1e-9);
                Assert.Equal(tp + fn == 0 ? 0 : tp / (double)(tp + fn), metrics["recall"], 1e-9);
                Assert.Equal(tp + fp + fn == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn), metrics["f1"], 1e-9);
                Assert.Equal(logLoss, metrics["log_loss"], 1e-9 * Math.Max(1, logLoss));
                Assert.Equal(brier, metrics["brier"], 1e-9);
            });
}
