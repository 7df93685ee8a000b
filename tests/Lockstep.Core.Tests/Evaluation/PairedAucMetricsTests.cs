using Lockstep.Core.Evaluation;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Evaluation;

public class PairedAucMetricsTests
{
    private static readonly bool[] Labels = [false, false, true, false, true, true, false, true, false, true];
    private static readonly double[] Candidate = [0.1, 0.4, 0.4, 0.3, 0.8, 0.6, 0.6, 0.9, 0.2, 0.3];
    private static readonly double[] Baseline = [0.2, 0.2, 0.5, 0.5, 0.7, 0.5, 0.3, 0.7, 0.1, 0.2];

    [Fact]
    public void Writes_each_part_of_delongs_comparison_under_its_name()
    {
        var metrics = new Dictionary<string, double>();

        var note = PairedAucMetrics.Add(metrics, Candidate, Baseline, Labels, 0.9);

        var expected = DeLongTest.Compare(Candidate, Baseline, Labels, 0.9);
        Assert.Null(note);
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["auc.baseline"] = expected.BaselineAuc,
                ["auc.delta"] = expected.Delta,
                ["auc.delta.se"] = expected.StandardError,
                ["auc.delta.z"] = expected.Z,
                ["auc.delta.p_value"] = expected.PValue,
                ["auc.delta.ci_low"] = expected.CiLow,
                ["auc.delta.ci_high"] = expected.CiHigh,
            },
            metrics);
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
