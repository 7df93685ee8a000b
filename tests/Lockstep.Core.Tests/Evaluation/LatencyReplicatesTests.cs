using Lockstep.Core.Evaluation;

namespace Lockstep.Core.Tests.Evaluation;

public class LatencyReplicatesTests
{
    [Fact]
    public void Each_replicate_equals_numpys_percentiles_of_the_materialised_resample_exactly()
    {
        var set = Resamples.Paired(4, 90);
        var options = new BootstrapOptions { Resamples = 40, Seed = 9 };

        var replicates = Resamples.Replicates(layout => new LatencyReplicates(PredictionEvaluator.Gather(set.LatencyMs!.Value.Span, layout)), set, options);

        for (var resample = 0; resample < options.Resamples; resample++)
        {
            var rows = Resamples.DrawnRows(set, options.Seed, 0, resample);
            var expected = PredictionEvaluator.Latency(Resamples.Pick(set.LatencyMs!.Value, rows));
            Assert.Equal(
                ["latency.p50_ms", "latency.p90_ms", "latency.p95_ms", "latency.p99_ms", "latency.max_ms"],
                new LatencyReplicates(set.LatencyMs.Value.Span).Names);
            Assert.Equal(
                new[] { expected["latency.p50_ms"], expected["latency.p90_ms"], expected["latency.p95_ms"], expected["latency.p99_ms"], expected["latency.max_ms"] },
                replicates[resample]);
        }
    }
}
