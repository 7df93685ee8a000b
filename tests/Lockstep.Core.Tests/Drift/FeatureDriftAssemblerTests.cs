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
}
