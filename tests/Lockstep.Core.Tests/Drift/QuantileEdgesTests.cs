using CsCheck;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Drift;

public class QuantileEdgesTests
{
    [Fact]
    public void Deciles_of_1_to_100_are_numpys_open_ended_and_deduplicated()
    {
        // np.percentile(np.arange(1, 101), [10, 20, …, 90]) = 10.9, 20.8, …, 90.1
        var edges = QuantileEdges.Of(Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 10);

        Assert.Equal(double.NegativeInfinity, edges[0]);
        Assert.Equal(double.PositiveInfinity, edges[^1]);
        Assert.Equal([10.9, 20.8, 30.7, 40.6, 50.5, 60.4, 70.3, 80.2, 90.1], edges[1..^1].Select(e => Math.Round(e, 10)));
        Assert.Equal([double.NegativeInfinity, 1.0, double.PositiveInfinity], QuantileEdges.Of([1.0, 1.0, 1.0, 1.0], 4));
    }

    [Fact]
    public void Ranks_are_the_order_statistics_the_percentiles_interpolate_between()
    {
        // n = 5, quartiles: virtual indices 1, 2, 3: each needs its rank and the next.
        Assert.Equal([1L, 2, 3, 4], QuantileEdges.Ranks(5, 4));
        Assert.Equal([0L], QuantileEdges.Ranks(1, 10));
    }

    [Fact]
    public void From_order_statistics_equals_from_the_values()
    {
        Gen.Double[-1000, 1000].Select(v => Math.Round(v, 1)).Array[1, 200].Select(Gen.Int[2, 20]).Sample((values, bins) =>
        {
            Array.Sort(values);
            var ranks = QuantileEdges.Ranks(values.Length, bins);
            var fetched = ranks.ToDictionary(r => r, r => values[r]);

            Assert.Equal(QuantileEdges.Of(values, bins), QuantileEdges.FromOrderStatistics(values.Length, bins, rank => fetched[rank]));
            Assert.Equal(Percentile.Linear(values, 100.0 / bins), QuantileEdges.FromOrderStatistics(values.Length, bins, rank => fetched[rank])[1]);
        });
    }
}
