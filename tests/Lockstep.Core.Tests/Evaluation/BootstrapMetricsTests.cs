using Lockstep.Core.Evaluation;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Evaluation;

public class BootstrapMetricsTests
{
    private static EvaluationResult Evaluate(PredictionSet set, int resamples, long seed = BootstrapOptions.DefaultSeed, int parallelism = -1) =>
        PredictionEvaluator.Evaluate(set with { Bootstrap = new BootstrapOptions { Resamples = resamples, Seed = seed, MaxDegreeOfParallelism = parallelism } });

    [Fact]
    public void Every_metric_gets_a_standard_error_and_interval_overall_and_per_slice()
    {
        var result = Evaluate(Resamples.Paired(1, 600) with { BaselineScores = null }, 100);

        foreach (var metrics in result.Slices.Values.Prepend(result.Metrics))
        {
            foreach (var name in new[] { "accuracy", "precision", "recall", "f1", "log_loss", "brier", "auc", "latency.p50_ms", "latency.max_ms" })
            {
                Assert.True(metrics[name + ".ci_low"] <= metrics[name + ".ci_high"], name);
                Assert.True(metrics[name + ".se"] >= 0, name);
            }

            Assert.True(metrics["accuracy.se"] > 0);
        }

        Assert.Equal(600, result.Metrics["rows"]);
        Assert.Equal(200, result.Slices["region=US"]["rows"]);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void The_intervals_are_the_same_bits_in_every_run_and_at_any_parallelism()
    {
        var set = Resamples.Paired(2, 500);

        var first = Evaluate(set, 50, parallelism: 1);
        var second = Evaluate(set, 50, parallelism: 4);
        var third = Evaluate(set, 50);

        Assert.Equal(first.Metrics, second.Metrics);
        Assert.Equal(first.Metrics, third.Metrics);
        foreach (var (slice, metrics) in first.Slices)
        {
            Assert.Equal(metrics, second.Slices[slice]);
        }
    }

    [Fact]
    public void Another_seed_gives_other_resamples()
    {
        var set = Resamples.Paired(2, 500);

        Assert.NotEqual(Evaluate(set, 50, seed: 1).Metrics["accuracy.se"], Evaluate(set, 50, seed: 2).Metrics["accuracy.se"]);
    }

    [Fact]
    public void The_accuracys_standard_error_is_close_to_the_analytic_one()
    {
        // 4,000 rows whose correctness is a known Bernoulli per class: stratified resampling keeps each class's size,
        // so the analytic standard error is √(Σ_class n_c·a_c·(1 − a_c)) / n with a_c the class's accuracy.
        const int rows = 4000;
        var random = new BootstrapRandom(2024, 0, 0, 0);
        var labels = new bool[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextIndex(10) < 3;
            var correct = random.NextIndex(100) < (labels[i] ? 70 : 85);
            scores[i] = labels[i] == correct ? 0.9 : 0.1;
        }

        var set = new PredictionSet { Task = PredictionTask.Binary, Scores = scores, Labels = labels };
        var metrics = Evaluate(set, 2000).Metrics;

        var variance = 0.0;
        foreach (var label in new[] { true, false })
        {
            var inClass = Enumerable.Range(0, rows).Where(i => labels[i] == label).ToList();
            var accuracy = inClass.Count(i => (scores[i] >= 0.5) == label) / (double)inClass.Count;
            variance += inClass.Count * accuracy * (1 - accuracy);
        }

        // The bootstrap's own error at 2,000 resamples is about 1.6 % of the standard error: 5 % is three of those.
        Assert.Equal(1, metrics["accuracy.se"] / (Math.Sqrt(variance) / rows), 0.05);
    }

    [Fact]
    public void The_aucs_interval_is_delongs_not_the_bootstraps()
    {
        var set = Resamples.Paired(3, 400) with { BaselineScores = null };

        var metrics = Evaluate(set, 20).Metrics;

        var (_, se, low, high) = DeLongAucInterval.Compute(set.Scores.Span, set.Labels.Span, 0.95);
        Assert.Equal((se, low, high), (metrics["auc.se"], metrics["auc.ci_low"], metrics["auc.ci_high"]));
    }

    [Fact]
    public void A_baseline_gets_its_values_the_differences_and_their_intervals_from_the_same_resamples()
    {
        var set = Resamples.Paired(4, 500);

        var metrics = Evaluate(set, 100).Metrics;

        var baseline = ClassificationMetrics.WithoutAuc(set.BaselineScores!.Value.Span, set.Labels.Span, set.Threshold);
        foreach (var name in new[] { "accuracy", "precision", "recall", "f1", "log_loss", "brier" })
        {
            Assert.Equal(baseline[name], metrics[name + ".baseline"]);
            Assert.Equal(metrics[name] - baseline[name], metrics[name + ".delta"]);
            Assert.True(metrics[name + ".delta.ci_low"] <= metrics[name + ".delta"] + (3 * metrics[name + ".delta.se"]), name);
        }

        Assert.False(metrics.ContainsKey("auc.delta.ci_low") && metrics.ContainsKey("auc.delta.baseline"));
        Assert.False(metrics.ContainsKey("latency.p50_ms.delta"));
    }

    [Fact]
    public void A_baseline_equal_to_the_candidate_differs_by_zero_in_every_resample()
    {
        // Only when both scorings see the same resamples is every replicate's difference zero.
        var set = Resamples.Paired(4, 300);
        set = set with { BaselineScores = set.Scores.ToArray().Select(s => s).ToArray() };

        var metrics = Evaluate(set, 50).Metrics;

        Assert.Equal((0.0, 0.0, 0.0), (metrics["f1.delta.se"], metrics["f1.delta.ci_low"], metrics["f1.delta.ci_high"]));
    }

    [Fact]
    public void A_metric_too_few_resamples_define_gets_no_interval_and_a_note()
    {
        // One predicted positive among 100 positives: about a third of the resamples do not draw it (precision 0/0).
        var labels = Enumerable.Range(0, 300).Select(i => i < 100).ToArray();
        var scores = Enumerable.Range(0, 300).Select(i => i == 0 ? 0.9 : 0.2).ToArray();
        var set = new PredictionSet { Task = PredictionTask.Binary, Scores = scores, Labels = labels };

        var result = Evaluate(set, 100);

        Assert.False(result.Metrics.ContainsKey("precision.se"));
        Assert.True(result.Metrics.ContainsKey("recall.se"));
        Assert.Contains(result.Notes, note => note.StartsWith("precision.se, precision.ci_low and precision.ci_high left out: only ", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_come_with_a_baseline_alone_and_not_without_any_interval()
    {
        var set = Resamples.Paired(5, 100);

        Assert.Equal(100, PredictionEvaluator.Evaluate(set).Metrics["rows"]);
        Assert.False(PredictionEvaluator.Evaluate(set with { BaselineScores = null }).Metrics.ContainsKey("rows"));
        Assert.False(PredictionEvaluator.Evaluate(set).Metrics.ContainsKey("accuracy.se"));
    }

    [Fact]
    public void A_regression_gets_intervals_of_its_metrics()
    {
        var targets = Enumerable.Range(0, 200).Select(i => Math.Cos(i) * 5).ToArray();
        var set = new PredictionSet { Task = PredictionTask.Regression, Targets = targets, Scores = targets.Select((t, i) => t + (i % 3) - 1).ToArray() };

        var metrics = Evaluate(set, 50).Metrics;

        Assert.All(["rmse", "mae", "r2"], name => Assert.True(metrics[name + ".se"] > 0));
        Assert.Equal(200, metrics["rows"]);
    }

    [Fact]
    public void Progress_reaches_all_resamples_of_the_set_and_its_slices()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<double>();
        var set = Resamples.Paired(6, 90) with { Bootstrap = new BootstrapOptions { Resamples = 10, Progress = new Reports(reports) } };

        PredictionEvaluator.Evaluate(set);

        Assert.Equal(40, reports.Count); // the whole set and three slices
        Assert.Equal(1.0, reports.Max());
    }

    [Fact]
    public void One_resample_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(Resamples.Paired(1, 20), 1));
    }

    private sealed class Reports(System.Collections.Concurrent.ConcurrentBag<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
