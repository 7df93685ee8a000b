using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Drift;

/// <summary>
/// PSI oracles: Evidently's <c>get_binned_data</c> + <c>psi</c> (Sturges bins over reference ∪ current when the
/// reference has more than 20 distinct values, else by value; zero shares filled as m/1e6 or 1e-4), re-run with
/// NumPy 1.24.2 / pandas 1.5.3 on the same deterministic data.
/// </summary>
public class FeatureDriftCalculatorTests
{
    private static double[] Reference => Enumerable.Range(0, 300).Select(i => (i * 37 % 101) / 10.0).ToArray();

    private static double[] Current => Enumerable.Range(0, 250).Select(i => (i * 53 % 97 / 8.0) + 1.5).ToArray();

    [Fact]
    public void Numeric_psi_uses_sturges_bins_over_both_samples()
    {
        var drift = Compare(Reference, Current, new DriftOptions());

        Assert.Equal("sturges", drift.Bins);
        Assert.Equal(2.4725011467468407, drift.Psi, 1e-9);
        Assert.True(drift.Drifted);
        Assert.NotNull(drift.KsStatistic);
        Assert.NotNull(drift.WassersteinNormed);
    }

    [Fact]
    public void Few_distinct_numeric_values_are_binned_by_value()
    {
        var reference = Enumerable.Range(0, 100).Select(i => (double)(i % 5)).ToArray();
        var current = Enumerable.Range(0, 80).Select(i => (double)(i * 3 % 7)).ToArray();

        var drift = Compare(reference, current, new DriftOptions());

        Assert.Equal("values", drift.Bins);
        Assert.Equal(2.1881560830281113, drift.Psi, 1e-9);
        Assert.Equal(7, drift.Current.Categories!.Count);
    }

    [Fact]
    public void Quantile_mode_bins_by_reference_deciles()
    {
        // Oracle: edges = [-inf, *unique(np.percentile(ref, [10, …, 90])), inf]; np.histogram on both; same fill rule.
        var drift = Compare(Reference, Current, new DriftOptions { Binning = BinningMode.Quantile });

        Assert.Equal("quantile", drift.Bins);
        Assert.Equal(1.0901049816076882, drift.Psi, 1e-9);
        Assert.Equal([30L, 30, 29, 30, 30, 30, 29, 30, 30, 32], drift.Reference.Histogram!.Counts);
        Assert.Equal([0L, 12, 21, 20, 20, 20, 21, 21, 21, 94], drift.Current.Histogram!.Counts);
        Assert.Equal(double.NegativeInfinity, drift.Reference.Histogram.Edges[0]);
    }

    [Fact]
    public void Categorical_drift_has_psi_and_jensen_shannon()
    {
        // Oracle: the categorical example above; scipy.spatial.distance.jensenshannon on the unfilled shares.
        var reference = FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 5, ["b"] = 3, ["c"] = 2 }, missing: 0);
        var current = FeatureSample.Categorical(new Dictionary<string, long> { ["a"] = 2, ["b"] = 2, ["d"] = 6 }, missing: 0);

        var drift = FeatureDriftCalculator.Compare("plan", reference, current, new DriftOptions());

        Assert.Equal(7.053693029486819, drift.Psi, 1e-9);
        Assert.Equal(0.5616937847286465, drift.JensenShannon!.Value, 1e-9);
        Assert.Null(drift.KsStatistic);
    }

    [Fact]
    public void Design_example_categories_3_2_2_versus_1_2_3()
    {
        var reference = FeatureSample.Numeric([3, 2, 2], 3);
        var current = FeatureSample.Numeric([1, 2, 3], 3);

        Assert.Equal(2.93415, Compare(reference, current, new DriftOptions()).Psi, 5e-6);
        Assert.Equal(2.93415, Compare(FeatureSample.Numeric([3, 2, 2], 3), FeatureSample.Numeric([1, 2, 3], 3), new DriftOptions { Binning = BinningMode.Evidently }).Psi, 5e-6);
    }

    [Fact]
    public void Missing_values_are_left_out_and_their_share_compared()
    {
        var reference = Reference.Concat([double.NaN, double.PositiveInfinity]).ToArray();
        var current = Current.Concat(Enumerable.Repeat(double.NaN, 50)).ToArray();

        var drift = Compare(reference, current, new DriftOptions());

        Assert.Equal(2.4725011467468407, drift.Psi, 1e-9);
        Assert.Equal(2 / 302.0, drift.MissingShareReference, 1e-12);
        Assert.Equal(50 / 300.0, drift.MissingShareCurrent, 1e-12);
        Assert.Equal((50 / 300.0) - (2 / 302.0), drift.MissingShareDelta, 1e-12);
    }

    [Fact]
    public void Same_data_does_not_drift()
    {
        var drift = Compare(Reference, Reference, new DriftOptions());

        Assert.Equal(0, drift.Psi, 1e-12);
        Assert.False(drift.Drifted);
        Assert.Equal(0, drift.KsStatistic);
    }

    [Fact]
    public void A_feature_with_no_values_is_an_error() =>
        Assert.Throws<MetricException>(() => Compare([double.NaN], [1.0], new DriftOptions()));

    [Fact]
    public void Summary_metrics_are_what_a_gate_reads()
    {
        var features = new[]
        {
            Compare(Reference, Current, new DriftOptions()) with { Feature = "age" },
            Compare(Reference, Reference, new DriftOptions()) with { Feature = "income" },
        };

        var metrics = DriftReport.SummaryMetrics(features);

        Assert.Equal(features[0].Psi, metrics["drift.psi.max"]);
        Assert.Equal(0.5, metrics["drift.share_drifted"]);
        Assert.Equal(features[1].Psi, metrics["drift.psi.income"]);
        Assert.Equal(features[0].PsiPValue, metrics["drift.psi_p_value.age"]);
        Assert.Equal(features[0].PsiMinDetectable, metrics["drift.psi_min_detectable.age"]);
        Assert.Equal(features[1].PsiPValue, metrics["drift.psi_p_value.income"]);
    }

    private static FeatureDrift Compare(double[] reference, double[] current, DriftOptions options) =>
        Compare(FeatureSample.Numeric(reference.ToArray(), reference.Length), FeatureSample.Numeric(current.ToArray(), current.Length), options);

    private static FeatureDrift Compare(FeatureSample reference, FeatureSample current, DriftOptions options) =>
        FeatureDriftCalculator.Compare("x", reference, current, options);
}
