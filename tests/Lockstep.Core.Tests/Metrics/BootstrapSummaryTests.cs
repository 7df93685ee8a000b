using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class BootstrapSummaryTests
{
    private static double[] Replicates() =>
        [0.3, 0.1, double.NaN, 0.7, 0.2, 0.5, 0.45, 0.9, 0.05, 0.6, 0.33, 0.8, 0.12, 0.27, 0.66, 0.41, 0.58, 0.74, 0.19, 0.36];

    /// <summary>Oracle: NumPy 1.24 on the defined replicates, np.std(ddof=1) and np.percentile(…, [2.5, 97.5]) and [5, 95].</summary>
    [Theory]
    [InlineData(0.95, 0.07250000000000001, 0.8550000000000001)]
    [InlineData(0.90, 0.095, 0.8099999999999998)]
    public void The_standard_error_and_interval_are_numpys_of_the_defined_replicates(double level, double low, double high)
    {
        var (interval, problem) = BootstrapSummary.Summarize(Replicates(), level);

        Assert.Null(problem);
        Assert.Equal(0.25316591882822687, interval!.StandardError, 1e-12);
        Assert.Equal(low, interval.Low, 1e-12);
        Assert.Equal(high, interval.High, 1e-12);
    }

    [Fact]
    public void Too_few_defined_replicates_give_no_interval_and_say_why()
    {
        var replicates = Replicates();
        replicates[0] = replicates[1] = double.NaN; // 17 of 20 defined: 85 %, below 90 %

        var (interval, problem) = BootstrapSummary.Summarize(replicates, 0.95);

        Assert.Null(interval);
        Assert.Equal("only 17 of 20 resamples define it (at least 90 % and 2 are needed)", problem);
    }

    [Fact]
    public void A_level_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapSummary.Summarize(Replicates(), 1));
    }
}
