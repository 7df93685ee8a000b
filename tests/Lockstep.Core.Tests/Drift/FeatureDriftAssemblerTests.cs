using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Drift;

public class FeatureDriftAssemblerTests
{
    [Fact]
    public void Categories_give_the_known_psi_jensen_shannon_and_missing_shares()
    {
        // DESIGN.md: categorical ref [3,2,2] vs cur [1,2,3] → PSI 2.93415 (Evidently's empty-bin rule is not involved).
        var aggregates = new FeatureAggregates
        {
            Feature = "plan",
            IsNumeric = false,
            Reference = new SideTotals(9, 2),
            Current = new SideTotals(6, 0),
            Bins = FeatureBins.ByCategory(new Dictionary<string, long> { ["a"] = 3, ["b"] = 2, ["c"] = 2 }, new Dictionary<string, long> { ["a"] = 1, ["b"] = 2, ["c"] = 3 }),
        };

        var drift = FeatureDriftAssembler.Assemble(aggregates, new DriftOptions());

        Assert.Equal(("plan", "categorical", "values"), (drift.Feature, drift.Kind, drift.Bins));
        Assert.Equal(Psi.FromCounts([3, 2, 2], [1, 2, 3], EmptyBinRule.Evidently), drift.Psi, 1e-15);
        Assert.Equal(JensenShannon.Distance([3, 2, 2], [1, 2, 3]), drift.JensenShannon!.Value, 1e-15);
        Assert.Equal((2 / 9.0, 0.0, -2 / 9.0), (drift.MissingShareReference, drift.MissingShareCurrent, drift.MissingShareDelta));
        Assert.Equal(2, drift.Reference.Missing);
        Assert.True(drift.Drifted);
    }

    [Fact]
    public void Edge_bins_share_by_the_values_that_are_not_missing_and_keep_ks_and_wasserstein()
    {
        var aggregates = new FeatureAggregates
        {
            Feature = "age",
            IsNumeric = true,
            Reference = new SideTotals(10, 2),
            Current = new SideTotals(8, 0),
            Bins = FeatureBins.WithEdges("sturges", [0, 1, 2], [4, 4], [2, 6]),
            Ks = new KsResult(0.25, 0.5),
            WassersteinNormed = 0.3,
        };

        var drift = FeatureDriftAssembler.Assemble(aggregates, new DriftOptions { PsiThreshold = 0.5 });

        Assert.Equal(Psi.FromShares([0.5, 0.5], [0.25, 0.75], EmptyBinRule.Evidently), drift.Psi, 1e-15);
        Assert.Equal((0.25, 0.5, 0.3), (drift.KsStatistic!.Value, drift.KsPValue!.Value, drift.WassersteinNormed!.Value));
        Assert.Null(drift.JensenShannon);
        Assert.Equal([0.0, 1, 2], drift.Current.Histogram!.Edges);
        Assert.Equal([2L, 6], drift.Current.Histogram.Counts);
        Assert.False(drift.Drifted);
    }

    [Fact]
    public void A_psi_above_the_act_band_on_few_rows_is_too_few_rows_to_tell()
    {
        // PSI 0.2747 > 0.25 on 4 rows a side: p = 0.4586 (scipy.stats.chi2.sf(0.2747 / 0.5, 1)), not significant.
        var drift = FeatureDriftAssembler.Assemble(Categories([2, 2], [1, 3]), new DriftOptions());

        Assert.True(drift.Psi > 0.25);
        Assert.True(drift.Drifted);
        Assert.Equal(0.45860134182802514, drift.PsiPValue!.Value, 1e-9);
        Assert.Equal(1.920729410347062, drift.PsiMinDetectable!.Value, 1e-9);
        Assert.True(drift.TooFewRows);
    }

    [Fact]
    public void The_same_psi_on_many_rows_is_significant()
    {
        var drift = FeatureDriftAssembler.Assemble(Categories([200, 200], [100, 300]), new DriftOptions());

        Assert.True(drift.Psi > 0.25);
        Assert.True(drift.PsiPValue < 0.05);
        Assert.Equal(0.01920729410347062, drift.PsiMinDetectable!.Value, 1e-12);
        Assert.False(drift.TooFewRows);
    }

    [Fact]
    public void A_psi_below_the_threshold_is_never_too_few_rows()
    {
        var drift = FeatureDriftAssembler.Assemble(Categories([2, 2], [1, 3]), new DriftOptions { PsiThreshold = 0.5 });

        Assert.False(drift.Drifted);
        Assert.True(drift.PsiPValue > 0.05);
        Assert.False(drift.TooFewRows);
    }

    [Fact]
    public void The_level_sets_the_smallest_detectable_psi()
    {
        // scipy.stats.chi2.ppf(0.99, 1) * (1/400 + 1/400)
        var drift = FeatureDriftAssembler.Assemble(Categories([200, 200], [100, 300]), new DriftOptions { PsiLevel = 0.99 });

        Assert.Equal(0.03317448300510607, drift.PsiMinDetectable!.Value, 1e-12);
    }

    [Fact]
    public void A_single_occupied_bin_has_no_p_value()
    {
        var aggregates = new FeatureAggregates
        {
            Feature = "flag",
            IsNumeric = true,
            Reference = new SideTotals(5, 0),
            Current = new SideTotals(3, 0),
            Bins = FeatureBins.WithEdges("sturges", [0, 1, 2], [5, 0], [3, 0]),
        };

        var drift = FeatureDriftAssembler.Assemble(aggregates, new DriftOptions());

        Assert.Equal((null, null, false), (drift.PsiPValue, drift.PsiMinDetectable, drift.TooFewRows));
    }

    private static FeatureAggregates Categories(long[] reference, long[] current) => new()
    {
        Feature = "plan",
        IsNumeric = false,
        Reference = new SideTotals(reference.Sum(), 0),
        Current = new SideTotals(current.Sum(), 0),
        Bins = FeatureBins.ByCategory(
            reference.Select((count, i) => ($"k{i}", count)).ToDictionary(p => p.Item1, p => p.count),
            current.Select((count, i) => ($"k{i}", count)).ToDictionary(p => p.Item1, p => p.count)),
    };
}
