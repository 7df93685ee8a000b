using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class MetricDirectionsTests
{
    [Theory]
    [InlineData("auc", true)]
    [InlineData("accuracy", true)]
    [InlineData("precision", true)]
    [InlineData("recall", true)]
    [InlineData("f1", true)]
    [InlineData("r2", true)]
    [InlineData("log_loss", false)]
    [InlineData("rmse", false)]
    [InlineData("mae", false)]
    [InlineData("brier", false)]
    [InlineData("latency.p99_ms", false)]
    [InlineData("psi", false)]
    [InlineData("psi.age", false)]
    [InlineData("drift.share_drifted", false)]
    [InlineData("drift.psi_p_value.age", true)]
    [InlineData("drift.psi_min_detectable.age", false)]
    [InlineData("freshness.max_hours", false)]
    [InlineData("budget.model-auc.remaining", true)]
    [InlineData("budget.model-auc.consumed", false)]
    [InlineData("budget.model-auc.burn_rate.1h", false)]
    public void Known_metrics_have_a_direction(string metric, bool higherIsBetter) =>
        Assert.Equal(higherIsBetter, MetricDirections.HigherIsBetter(metric));

    [Theory]
    [InlineData("auc.delta", true)]
    [InlineData("auc.delta.ci_low", true)]
    [InlineData("auc.delta.ci_high", true)]
    [InlineData("auc.delta.z", true)]
    [InlineData("auc.delta.se", false)]
    [InlineData("auc.baseline", true)]
    [InlineData("auc.se", false)]
    [InlineData("accuracy.ci_low", true)]
    [InlineData("log_loss.delta", false)]
    [InlineData("log_loss.delta.ci_high", false)]
    [InlineData("log_loss.se", false)]
    [InlineData("latency.p99_ms.ci_high", false)]
    [InlineData("rows", true)]
    public void The_figures_next_to_a_known_metric_follow_it_and_standard_errors_are_lower_is_better(string metric, bool higherIsBetter) =>
        Assert.Equal(higherIsBetter, MetricDirections.HigherIsBetter(metric));

    [Theory]
    [InlineData("throughput")]
    [InlineData("AUC")]
    [InlineData("auc.eu")]
    [InlineData("latency")]
    [InlineData("auc.delta.p_value")]
    [InlineData("throughput.se")]
    [InlineData("throughput.delta")]
    public void Unknown_metrics_have_none(string metric) => Assert.Null(MetricDirections.HigherIsBetter(metric));
}
