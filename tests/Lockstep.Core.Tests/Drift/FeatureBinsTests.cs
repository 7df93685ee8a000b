using Lockstep.Core.Drift;

namespace Lockstep.Core.Tests.Drift;

public class FeatureBinsTests
{
    [Fact]
    public void Values_are_the_union_of_both_sides_ascending_with_minus_zero_as_zero()
    {
        var bins = FeatureBins.ByValue(new Dictionary<double, long> { [2.5] = 3, [-0.0] = 1 }, new Dictionary<double, long> { [10] = 4, [2.5] = 1 });

        Assert.Equal("values", bins.Mode);
        Assert.Equal(["0", "2.5", "10"], bins.Keys);
        Assert.Equal([1L, 3, 0], bins.Reference);
        Assert.Equal([0L, 1, 4], bins.Current);
    }

    [Fact]
    public void Categories_are_the_union_in_ordinal_order()
    {
        var bins = FeatureBins.ByCategory(new Dictionary<string, long> { ["b"] = 2, ["B"] = 1 }, new Dictionary<string, long> { ["a"] = 5 });

        Assert.Equal(["B", "a", "b"], bins.Keys);
        Assert.Equal([1L, 0, 2], bins.Reference);
        Assert.Equal([0L, 5, 0], bins.Current);
    }
}
