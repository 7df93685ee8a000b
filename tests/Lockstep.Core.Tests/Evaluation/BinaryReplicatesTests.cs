using Lockstep.Core.Evaluation;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Evaluation;

public class BinaryReplicatesTests
{
    private static readonly BootstrapOptions Options = new() { Resamples = 40, Seed = 11 };

    [Fact]
    public void Each_replicate_equals_the_metrics_of_the_materialised_resample()
    {
        var set = Resamples.Paired(3, 80);

        var replicates = Resamples.Replicates(
            layout => new BinaryReplicates(PredictionEvaluator.Gather(set.Scores.Span, layout), PredictionEvaluator.Gather(set.Labels.Span, layout), set.Threshold), set, Options);

        for (var resample = 0; resample < Options.Resamples; resample++)
        {
            var rows = Resamples.DrawnRows(set, Options.Seed, 0, resample);
            var expected = ClassificationMetrics.WithoutAuc(Resamples.Pick(set.Scores, rows), Resamples.Pick(set.Labels, rows), set.Threshold);
            string[] names = ["accuracy", "precision", "recall", "f1", "log_loss", "brier"];
            for (var i = 0; i < names.Length; i++)
            {
                Assert.Equal(expected[names[i]], replicates[resample][i], 1e-12);
            }
        }
    }

    [Fact]
    public void Scores_that_are_not_probabilities_have_no_log_loss_or_brier()
    {
        var kernel = new BinaryReplicates([0.2, 1.5, 0.7], [false, true, true], 0.5);

        Assert.Equal(["accuracy", "precision", "recall", "f1"], kernel.Names);
    }

    [Fact]
    public void A_ratio_a_resample_leaves_without_a_denominator_is_undefined_not_zero()
    {
        // Rows 2 and 3 (the only predicted positives) are not drawn: precision is 0/0.
        var kernel = new BinaryReplicates([0.1, 0.2, 0.9, 0.8], [true, false, true, false], 0.5);
        var values = new double[kernel.Names.Count];

        kernel.Compute([2, 2, 0, 0], values);

        Assert.Equal(0.5, values[0]);
        Assert.True(double.IsNaN(values[1]));
        Assert.Equal(0.0, values[2]);
        Assert.Equal(0.0, values[3]);
    }
}
