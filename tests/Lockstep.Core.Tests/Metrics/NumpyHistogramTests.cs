using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class NumpyHistogramTests
{
    private static readonly double[] A = [0.5, 1.5, 2.5, 2.5, 3.0, 7.25, 9.9, 10.0];
    private static readonly double[] B = [1.0, 2.0, 11.5];

    [Fact]
    public void Sturges_edges_match_numpy()
    {
        // Oracle: NumPy 1.24.2, np.histogram_bin_edges(np.concatenate([a, b]), bins="sturges").
        double[] expected = [0.5, 2.7, 4.9, 7.1000000000000005, 9.3, 11.5];

        Assert.Equal(expected, NumpyHistogram.SturgesEdges(A, B));
    }

    [Fact]
    public void Counts_match_numpy_histogram()
    {
        var edges = NumpyHistogram.SturgesEdges(A, B);

        // Oracle: np.histogram(a, edges)[0] and np.histogram(b, edges)[0].
        Assert.Equal([4L, 1, 0, 1, 2], NumpyHistogram.Counts(A, edges));
        Assert.Equal([2L, 0, 0, 0, 1], NumpyHistogram.Counts(B, edges));
    }

    [Fact]
    public void Constant_data_gets_one_bin_around_the_value() =>
        // Oracle: np.histogram_bin_edges(np.array([4.0, 4.0, 4.0]), bins="sturges") = [3.5, 4.5].
        Assert.Equal([3.5, 4.5], NumpyHistogram.SturgesEdges([4.0, 4.0, 4.0], []));

    [Fact]
    public void Values_that_are_not_finite_are_refused_by_their_index()
    {
        var edges = Assert.Throws<ArgumentException>(() => NumpyHistogram.SturgesEdges([1.0, 2.0], [0.5, double.NaN]));
        var counts = Assert.Throws<ArgumentException>(() => NumpyHistogram.Counts([1.0, double.PositiveInfinity], [0.0, 1.0, 2.0]));

        Assert.StartsWith("sortedB[1] is NaN", edges.Message, StringComparison.Ordinal);
        Assert.StartsWith("sortedValues[1] is ∞", counts.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edges_may_be_open_ended_but_not_nan() =>
        Assert.Equal([1L, 2], NumpyHistogram.Counts([0.5, 1.0, 7.0], [double.NegativeInfinity, 1.0, double.PositiveInfinity]));

    [Fact]
    public void A_nan_edge_is_refused_by_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => NumpyHistogram.Counts([1.0], [0.0, double.NaN, 2.0]));

        Assert.StartsWith("edges[1] is NaN", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Property: every value in range lands in exactly the bin the half-open rule gives.</summary>
    [Fact]
    public void Counts_equal_a_brute_force_assignment()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var values = Enumerable.Range(0, random.Next(1, 300)).Select(_ => Math.Round(random.NextDouble() * 20, random.Next(0, 3))).Order().ToArray();
            var edges = NumpyHistogram.SturgesEdges(values, []);
            var expected = new long[edges.Length - 1];
            foreach (var v in values)
            {
                for (var bin = 0; bin < expected.Length; bin++)
                {
                    var last = bin == expected.Length - 1;
                    if (v >= edges[bin] && (v < edges[bin + 1] || (last && v == edges[bin + 1])))
                    {
                        expected[bin]++;
                        break;
                    }
                }
            }

            Assert.Equal(expected, NumpyHistogram.Counts(values, edges));
            Assert.Equal(values.Length, NumpyHistogram.Counts(values, edges).Sum());
        }
    }

    [Fact]
    public void Sturges_edges_from_min_max_and_count_equal_those_from_the_values()
    {
        double[] a = [0.5, 1.25, 7, 9.75], b = [-3, 2, 2, 40.125];
        Assert.Equal(NumpyHistogram.SturgesEdges(a, b), NumpyHistogram.SturgesEdges(-3, 40.125, 8));
        Assert.Equal(NumpyHistogram.SturgesEdges([4.0], [4.0]), NumpyHistogram.SturgesEdges(4, 4, 2));
    }

    [Fact]
    public void Counts_from_cumulative_counts_close_the_last_bin()
    {
        // values 1, 2, 2, 3 and edges 1, 2, 3: below = 0, 1, 3; at or below 3 = 4 → [1, 3] as np.histogram.
        Assert.Equal([1L, 3], NumpyHistogram.CountsFromCumulative([0, 1, 3], 4));
        Assert.Equal(NumpyHistogram.Counts([1.0, 2, 2, 3], [1.0, 2, 3]), NumpyHistogram.CountsFromCumulative([0, 1, 3], 4));
        Assert.Throws<ArgumentException>(() => NumpyHistogram.CountsFromCumulative([0], 1));
    }
}
