using Lockstep.Core.Drift;

namespace Lockstep.Core.Tests.Drift;

public class DriftBinningTests
{
    [Theory]
    [InlineData(20, "values")]
    [InlineData(21, "sturges")]
    public void Evidently_bins_by_value_up_to_20_distinct_reference_values(long distinct, string expected)
    {
        Assert.Equal(expected, DriftBinning.Numeric(new DriftOptions(), () => distinct));
    }

    [Fact]
    public void Quantile_mode_never_asks_for_the_distinct_count()
    {
        Assert.Equal("quantile", DriftBinning.Numeric(new DriftOptions { Binning = BinningMode.Quantile }, () => throw new InvalidOperationException("asked")));
    }
}
