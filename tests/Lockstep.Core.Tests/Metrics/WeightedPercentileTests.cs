using CsCheck;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class WeightedPercentileTests
{
    private static readonly double[] Percents = [0, 1, 50, 90, 95, 99, 99.9, 100];

    [Fact]
    public void Equals_the_linear_percentile_of_the_expanded_sample_exactly()
    {
        // Values with ties, counts with zeros: the expanded sample repeats each row as often as it is counted.
        Gen.Select(Gen.Int[0, 9].Array[1, 40], Gen.Int[0, 4].Array[40]).Sample((values, counts) =>
        {
            counts[0] = Math.Max(counts[0], 1); // at least one value drawn
            var rows = values.Length;
            var rowOf = Enumerable.Range(0, rows).OrderBy(i => values[i]).ToArray();
            var sorted = rowOf.Select(i => (double)values[i]).ToArray();
            var expanded = Enumerable.Range(0, rows).SelectMany(i => Enumerable.Repeat((double)values[i], counts[i])).Order().ToArray();
            var result = new double[Percents.Length];

            WeightedPercentile.Linear(sorted, rowOf, counts.AsSpan(0, rows), expanded.Length, Percents, result);

            Assert.Equal(Percentile.Linear(expanded, Percents), result);
        });
    }

    [Fact]
    public void Counts_that_fall_short_of_the_total_are_refused()
    {
        var result = new double[1];

        Assert.Throws<ArgumentException>(() => WeightedPercentile.Linear([1.0, 2.0], [0, 1], [1, 1], 3, [100.0], result));
    }
}
