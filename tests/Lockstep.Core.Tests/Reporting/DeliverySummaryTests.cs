using Lockstep.Core.Dora;
using Lockstep.Core.Reporting;
using Lockstep.Core.Tests.Dora;

namespace Lockstep.Core.Tests.Reporting;

public class DeliverySummaryTests
{
    private static WindowMetrics Window(PerformanceLevel frequency, PerformanceLevel? lead = null, PerformanceLevel? failure = null, PerformanceLevel? restore = null) =>
        DoraSamples.LaneWith().Current with { FrequencyLevel = frequency, LeadTimeLevel = lead, ChangeFailureLevel = failure, TimeToRestoreLevel = restore };

    [Theory]
    [InlineData(PerformanceLevel.Elite, PerformanceLevel.Elite, PerformanceLevel.Elite, PerformanceLevel.Elite, PerformanceLevel.Elite)]
    [InlineData(PerformanceLevel.Elite, PerformanceLevel.Elite, PerformanceLevel.High, PerformanceLevel.Elite, PerformanceLevel.High)]
    [InlineData(PerformanceLevel.High, PerformanceLevel.Elite, PerformanceLevel.Elite, PerformanceLevel.Low, PerformanceLevel.Low)]
    public void A_lane_is_as_good_as_its_weakest_key_metric(PerformanceLevel frequency, PerformanceLevel lead, PerformanceLevel failure, PerformanceLevel restore, PerformanceLevel lane)
    {
        Assert.Equal(lane, DeliverySummary.LaneLevel(Window(frequency, lead, failure, restore)));
    }

    [Fact]
    public void Metrics_without_a_value_do_not_count()
    {
        Assert.Equal(PerformanceLevel.High, DeliverySummary.LaneLevel(Window(PerformanceLevel.High)));
    }

    [Fact]
    public void The_line_names_the_window_and_each_lanes_level()
    {
        // Code: 4 deployments in 7 days (high), median lead time 14 h (elite), change failure rate 50 % (low).
        // Model: 1 deployment in 7 days (high), median lead time 66 h (high), no failure (elite), nothing restored.
        Assert.Equal("Delivery, 7 days: code low · model high", DeliverySummary.Line(DoraSamples.Report()));
    }
}
