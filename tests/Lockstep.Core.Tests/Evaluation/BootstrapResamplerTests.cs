using Lockstep.Core.Evaluation;

namespace Lockstep.Core.Tests.Evaluation;

public class BootstrapResamplerTests
{
    [Fact]
    public void Every_resample_keeps_the_number_of_positives_and_of_rows()
    {
        var set = Resamples.Paired(5, 301);
        var (layout, strata) = BootstrapMetrics.Layout(set);
        var positives = set.Labels.ToArray().Count(label => label);
        var counts = new int[set.Rows];

        Assert.Equal([positives, set.Rows - positives], strata);
        for (var resample = 0; resample < 200; resample++)
        {
            BootstrapResampler.Draw(counts, strata, 42, 0, resample);

            var drawnPositives = Enumerable.Range(0, set.Rows).Where(i => set.Labels.Span[layout[i]]).Sum(i => counts[i]);
            Assert.Equal(positives, drawnPositives);
            Assert.Equal(set.Rows, counts.Sum());
        }
    }

    [Fact]
    public void The_counts_are_the_drawn_rows_counted()
    {
        var set = Resamples.Paired(6, 50);
        var (layout, strata) = BootstrapMetrics.Layout(set);
        var counts = new int[set.Rows];

        BootstrapResampler.Draw(counts, strata, 3, 2, 17);

        var expected = new int[set.Rows];
        foreach (var row in Resamples.DrawnRows(set, 3, 2, 17))
        {
            expected[Array.IndexOf(layout, row)]++;
        }

        Assert.Equal(expected, counts);
    }

    [Fact]
    public void The_replicates_do_not_depend_on_how_many_resamples_run_at_once()
    {
        var set = Resamples.Paired(7, 400);
        IReplicateKernel Kernel(int[] layout) => new LatencyReplicates(PredictionEvaluator.Gather(set.LatencyMs!.Value.Span, layout));

        var one = Resamples.Replicates(Kernel, set, new BootstrapOptions { Resamples = 64, MaxDegreeOfParallelism = 1 });
        var four = Resamples.Replicates(Kernel, set, new BootstrapOptions { Resamples = 64, MaxDegreeOfParallelism = 4 });

        Assert.Equal(one, four);
    }
}
