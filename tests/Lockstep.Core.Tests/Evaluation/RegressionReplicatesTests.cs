using Lockstep.Core.Evaluation;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Evaluation;

public class RegressionReplicatesTests
{
    [Fact]
    public void Each_replicate_equals_the_metrics_of_the_materialised_resample()
    {
        var targets = Enumerable.Range(0, 70).Select(i => Math.Round(Math.Sin(i) * 10, 1)).ToArray();
        var predictions = targets.Select((t, i) => t + ((i % 5) - 2) * 0.7).ToArray();
        var set = new PredictionSet { Task = PredictionTask.Regression, Scores = predictions, Targets = targets };
        var options = new BootstrapOptions { Resamples = 30, Seed = 5 };

        var replicates = Resamples.Replicates(
            layout => new RegressionReplicates(PredictionEvaluator.Gather<double>(targets, layout), PredictionEvaluator.Gather<double>(predictions, layout)), set, options);

        for (var resample = 0; resample < options.Resamples; resample++)
        {
            var rows = Resamples.DrawnRows(set, options.Seed, 0, resample);
            var expected = RegressionMetrics.Compute(Resamples.Pick(set.Targets, rows), Resamples.Pick(set.Scores, rows));
            Assert.Equal(expected["rmse"], replicates[resample][0], 1e-12);
            Assert.Equal(expected["mae"], replicates[resample][1], 1e-12);
            Assert.Equal(expected["r2"], replicates[resample][2], 1e-12);
        }
    }

    [Fact]
    public void R2_of_a_resample_with_one_target_value_is_undefined()
    {
        var kernel = new RegressionReplicates([1.0, 2.0], [1.5, 2.0]);
        var values = new double[3];

        kernel.Compute([2, 0], values);

        Assert.Equal(0.5, values[0]);
        Assert.True(double.IsNaN(values[2]));
    }
}
