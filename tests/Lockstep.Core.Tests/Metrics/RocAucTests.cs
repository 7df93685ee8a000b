using CsCheck;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class RocAucTests
{
    // Oracle: scikit-learn 1.2.1, repr(sklearn.metrics.roc_auc_score(y_true, y_score)). Equal to the last bit: both are
    // the one correctly rounded division of the Mann–Whitney count by P·N.
    [Theory]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0.1, 0.4, 0.35, 0.8 }, 0.75)] // the roc_auc_score docstring example
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0.1, 0.5, 0.5, 0.9 }, 0.875)] // a tie across classes counts ½
    [InlineData(new[] { 0, 1, 0, 1 }, new[] { 0.5, 0.5, 0.5, 0.5 }, 0.5)]
    [InlineData(new[] { 1, 1, 1, 0 }, new[] { 0.1, 0.6, 0.7, 0.5 }, 0.6666666666666666)]
    [InlineData(new[] { 1, 0, 1, 0, 1, 0 }, new[] { 0.9, 0.8, 0.4, 0.4, 0.3, 0.1 }, 0.6111111111111112)]
    [InlineData(new[] { 0, 0, 1, 0, 1, 1, 0 }, new[] { 0.2, 0.6, 0.6, 0.1, 0.9, 0.3, 0.6 }, 0.75)]
    public void Matches_scikit_learn(int[] labels, double[] scores, double expected) =>
        Assert.Equal(expected, RocAuc.Compute(scores, labels.Select(l => l == 1).ToArray()));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_class_only_is_an_error_not_a_number(bool label)
    {
        var error = Assert.Throws<MetricException>(() => RocAuc.Compute([0.1, 0.2, 0.3], [label, label, label]));

        Assert.Contains("only one class", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "scores[2] is NaN")]
    [InlineData(double.PositiveInfinity, "scores[2] is ∞")]
    [InlineData(double.NegativeInfinity, "scores[2] is -∞")]
    public void A_score_that_is_not_finite_is_refused_by_its_index(double bad, string expected)
    {
        // A NaN among the scores used to make the tie-grouping loop spin forever; the check runs before it.
        var error = Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.1, 0.9, bad, 0.4], [false, true, true, false]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("scores", error.ParamName);
    }

    [Fact]
    public void Sorted_sides_with_a_nan_are_refused_by_their_index()
    {
        var error = Assert.Throws<ArgumentException>(() => RocAuc.FromSorted([0.2, double.NaN], [0.1]));

        Assert.StartsWith("positives[1] is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_and_labels_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>("labels", () => RocAuc.Compute([0.1, 0.2], [true]));

    /// <summary>Property: equal to the O(n²) Mann–Whitney definition on random data with heavy ties.</summary>
    [Fact]
    public void Equals_brute_force_mann_whitney_on_random_tied_data() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[2, 300], Gen.Double[0.05, 0.95])
            .SelectMany(t => Gen.Select(Gen.Int[0, t.Item1].Select(l => l / (double)t.Item1), Gen.Double[0, 1].Select(u => u < t.Item3)).Array[t.Item2])
            .Where(rows => rows.Any(r => r.Item2) && rows.Any(r => !r.Item2))
            .Sample(rows =>
            {
                var scores = rows.Select(r => r.Item1).ToArray();
                var labels = rows.Select(r => r.Item2).ToArray();

                Assert.Equal(BruteForce(scores, labels), RocAuc.Compute(scores, labels), 1e-9);
            });

    /// <summary>Every (positive, negative) pair: 1 when the positive scores higher, ½ on a tie.</summary>
    private static double BruteForce(double[] scores, bool[] labels)
    {
        double wins = 0, pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        return wins / pairs;
    }
}
