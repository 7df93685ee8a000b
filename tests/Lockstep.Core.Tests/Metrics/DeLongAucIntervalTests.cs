using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class DeLongAucIntervalTests
{
    private static readonly bool[] SmallLabels = [false, false, true, false, true, true, false, true, false, true];
    private static readonly double[] SmallScores = [0.1, 0.4, 0.4, 0.3, 0.8, 0.6, 0.6, 0.9, 0.2, 0.3];

    /// <summary>
    /// Oracle: NumPy 1.24 by the explicit kernel ψ(x, y) = 1 if x &gt; y, ½ if x = y, as pROC's <c>ci.auc</c> (method
    /// "delong"): V10 = ψ's row means, V01 its column means, S = var(V10, ddof=1)/m + var(V01, ddof=1)/n, the interval
    /// AUC ∓ Φ⁻¹(1 − (1 − level)/2)·√S (Python's statistics.NormalDist) clipped to [0, 1]; each printed with repr().
    /// </summary>
    public static TheoryData<string, double, double, double, double, double> Oracle => new()
    {
        { "small", 0.95, 0.82, 0.13711309200802088, 0.5512632778553523, 1.0 },
        { "small", 0.90, 0.82, 0.13711309200802088, 0.594469033308076, 1.0 },
        { "lcg 1 × 500 candidate", 0.95, 0.7701459258889499, 0.021111857814419425, 0.7287674449259574, 0.8115244068519425 },
        { "lcg 7 × 2000 baseline", 0.95, 0.6844916286765736, 0.011866875148918687, 0.6612329807756596, 0.7077502765774877 },
    };

    [Theory]
    [MemberData(nameof(Oracle))]
    public void Matches_the_kernel_reference_implementation(string data, double level, double auc, double se, double low, double high)
    {
        var (scores, labels) = data switch
        {
            "small" => (SmallScores, SmallLabels),
            "lcg 1 × 500 candidate" => Candidate(PairedRows.Generate(1, 500)),
            _ => Baseline(PairedRows.Generate(7, 2000)),
        };

        var result = DeLongAucInterval.Compute(scores, labels, level);

        Assert.Equal(auc, result.Auc, 1e-12);
        Assert.Equal(se, result.StandardError, 1e-12);
        Assert.Equal(low, result.Low, 1e-12);
        Assert.Equal(high, result.High, 1e-12);
    }

    [Fact]
    public void The_auc_is_the_one_roc_auc_computes()
    {
        var (scores, labels) = Candidate(PairedRows.Generate(2, 500));

        Assert.Equal(RocAuc.Compute(scores, labels), DeLongAucInterval.Compute(scores, labels).Auc);
    }

    [Fact]
    public void A_class_of_one_row_is_a_metric_error()
    {
        var error = Assert.Throws<MetricException>(() => DeLongAucInterval.Compute([0.1, 0.2, 0.9], [false, false, true]));

        Assert.Contains("at least two rows of each class; there are 1 positive and 2 negative", error.Message, StringComparison.Ordinal);
    }

    private static (double[], bool[]) Candidate((double[] Candidate, double[] Baseline, bool[] Labels) rows) => (rows.Candidate, rows.Labels);

    private static (double[], bool[]) Baseline((double[] Candidate, double[] Baseline, bool[] Labels) rows) => (rows.Baseline, rows.Labels);
}
