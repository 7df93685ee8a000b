using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class SliSpecTests
{
    [Theory]
    [InlineData(0.85, true)]
    [InlineData(0.849999, false)]
    [InlineData(0.95, true)]
    [InlineData(0.950001, false)]
    public void A_history_fact_is_good_within_its_inclusive_bounds(double value, bool good) =>
        Assert.Equal(good, new HistorySli("auc", null, 0.85, 0.95).IsGood(value));

    [Fact]
    public void One_bound_leaves_the_other_side_open()
    {
        Assert.True(new HistorySli("drift.psi.max", null, null, 0.25).IsGood(-1));
        Assert.False(new HistorySli("drift.psi.max", null, null, 0.25).IsGood(0.26));
    }

    [Fact]
    public void Each_spec_names_its_source() =>
        Assert.Equal(
            ["file", "history", "prometheus"],
            new SliSpec[] { new FileSli("a.csv"), new HistorySli("auc", null, 0.8, null), new PrometheusSli("g", "t", null, new Dictionary<string, string>()) }.Select(s => s.Source));
}
