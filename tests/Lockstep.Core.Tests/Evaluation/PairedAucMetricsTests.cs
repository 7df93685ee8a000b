using Lockstep.Core.Evaluation;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Evaluation;

public class PairedAucMetricsTests
{
    private static readonly bool[] Labels = [false, false, true, false, true, true, false, true, false, true];
    private static readonly double[] Candidate = [0.1, 0.4, 0.4, 0.3, 0.8, 0.6, 0.6, 0.9, 0.2, 0.3];
    private static readonly double[] Baseline = [0.2, 0.2, 0.5, 0.5, 0.7, 0.5, 0.3, 0.7, 0.1, 0.2];

    [Fact]
    public void Writes_every_named_metric_of_the_comparison()
    {
        var metrics = new Dictionary<string, double>();

        var note = PairedAucMetrics.Add(metrics, Candidate, Baseline, Labels, 0.95);

        // Oracle: the kernel reference script of DeLongTestTests (NumPy np.cov of the placements, SciPy norm).
        Assert.Null(note);
        Assert.Equal(0.8400000000000001, metrics["auc.baseline"], 1e-9);
        Assert.Equal(-0.02000000000000013, metrics["auc.delta"], 1e-9);
        Assert.Equal(0.11747340124470733, metrics["auc.delta.se"], 1e-9);
        Assert.Equal(-0.17025130615175077, metrics["auc.delta.z"], 1e-9);
        Assert.Equal(0.8648125041589416, metrics["auc.delta.p_value"], 1e-9);
        Assert.Equal(-0.25024363558104923, metrics["auc.delta.ci_low"], 1e-9);
        Assert.Equal(0.210243635581049, metrics["auc.delta.ci_high"], 1e-9);
        Assert.Equal(7, metrics.Count);
    }

    [Fact]
    public void A_zero_variance_difference_keeps_the_aucs_and_leaves_out_the_test_with_a_note()
    {
        var metrics = new Dictionary<string, double>();

        var note = PairedAucMetrics.Add(metrics, Candidate, Candidate, Labels, 0.95);

        Assert.Equal(["auc.baseline", "auc.delta"], metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.0, metrics["auc.delta"]);
        Assert.StartsWith("auc.delta.se, auc.delta.z, auc.delta.p_value, auc.delta.ci_low and auc.delta.ci_high left out: ", note, StringComparison.Ordinal);
        Assert.Contains("zero variance", note, StringComparison.Ordinal);
    }

    [Fact]
    public void One_class_only_is_the_aucs_error() =>
        Assert.Throws<MetricException>(() => PairedAucMetrics.Add(new Dictionary<string, double>(), [0.1, 0.2], [0.2, 0.1], [true, true], 0.95));
}
