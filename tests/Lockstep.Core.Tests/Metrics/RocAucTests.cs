using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class RocAucTests
{
    // Oracle: scikit-learn 1.2.1, sklearn.metrics.roc_auc_score(y_true, y_score).
    [Theory]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0.1, 0.4, 0.35, 0.8 }, 0.75)] // the roc_auc_score docstring example
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0.1, 0.5, 0.5, 0.9 }, 0.875)] // a tie across classes counts ½
    [InlineData(new[] { 0, 1, 0, 1 }, new[] { 0.5, 0.5, 0.5, 0.5 }, 0.5)]
    [InlineData(new[] { 1, 1, 1, 0 }, new[] { 0.1, 0.6, 0.7, 0.5 }, 0.6666666666666666)]
    [InlineData(new[] { 1, 0, 1, 0, 1, 0 }, new[] { 0.9, 0.8, 0.4, 0.4, 0.3, 0.1 }, 0.6111111111111112)]
    [InlineData(new[] { 0, 0, 1, 0, 1, 1, 0 }, new[] { 0.2, 0.6, 0.6, 0.1, 0.9, 0.3, 0.6 }, 0.75)]
    public void Matches_scikit_learn(int[] labels, double[] scores, double expected) =>
        Assert.Equal(expected, RocAuc.Compute(scores, labels.Select(l => l == 1).ToArray()), 1e-12);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_class_only_is_an_error_not_a_number(bool label)
    {
        var error = Assert.Throws<MetricException>(() => RocAuc.Compute([0.1, 0.2, 0.3], [label, label, label]));

        Assert.Contains("only one class", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Property: equal to the O(n²) Mann–Whitney definition on random data with heavy ties.</summary>
    [Fact]
    public void Equals_brute_force_mann_whitney_on_random_tied_data()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(2, 400);
            var levels = random.Next(1, 12);
            var scores = Enumerable.Range(0, n).Select(_ => random.Next(levels) / (double)levels).ToArray();
            var labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3).ToArray();
            labels[0] = true;
            labels[1] = false;

            Assert.Equal(BruteForce(scores, labels), RocAuc.Compute(scores, labels), 1e-12);
        }
    }

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
