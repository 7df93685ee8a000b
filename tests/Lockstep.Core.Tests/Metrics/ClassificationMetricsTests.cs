using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class ClassificationMetricsTests
{
    private static readonly bool[] Labels = [false, false, true, true, true, false, true, false];
    private static readonly double[] Scores = [0.1, 0.6, 0.7, 0.4, 0.95, 0.5, 0.2, 0.05];

    // Oracle: scikit-learn 1.2.1 on y = [0,0,1,1,1,0,1,0], p = [.1,.6,.7,.4,.95,.5,.2,.05], y_pred = p >= 0.5:
    // accuracy_score, precision_score, recall_score, f1_score, log_loss(y, p), brier_score_loss(y, p).
    [Theory]
    [InlineData("accuracy", 0.5)]
    [InlineData("precision", 0.5)]
    [InlineData("recall", 0.5)]
    [InlineData("f1", 0.5)]
    [InlineData("log_loss", 0.587473575639252)]
    [InlineData("brier", 0.214375)]
    public void Matches_scikit_learn(string metric, double expected) =>
        Assert.Equal(expected, ClassificationMetrics.Compute(Scores, Labels, 0.5)[metric], 1e-12);

    [Fact]
    public void Log_loss_clips_certain_wrong_predictions_at_machine_epsilon() =>
        // Oracle: sklearn.metrics.log_loss([0, 1, 1], [0.0, 1.0, 0.3]) = 0.4013242681086455 (scikit-learn 1.2.1).
        Assert.Equal(0.4013242681086455, ClassificationMetrics.Compute([0.0, 1.0, 0.3], [false, true, true], 0.5)["log_loss"], 1e-12);

    [Fact]
    public void Precision_with_no_predicted_positive_is_zero_as_scikit_learn()
    {
        var metrics = ClassificationMetrics.Compute([0.1, 0.2], [true, false], 0.5);

        Assert.Equal(0, metrics["precision"]);
        Assert.Equal(0, metrics["f1"]);
    }

    [Fact]
    public void Scores_outside_0_1_leave_out_the_probability_metrics()
    {
        var metrics = ClassificationMetrics.Compute([-2.5, 0.3, 4.0], [false, true, true], 0.0);

        Assert.False(metrics.ContainsKey("log_loss"));
        Assert.False(metrics.ContainsKey("brier"));
        Assert.Equal(1.0, metrics["auc"]);
    }
}
