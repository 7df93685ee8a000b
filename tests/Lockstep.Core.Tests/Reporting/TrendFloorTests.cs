using Lockstep.Core.Reporting;
using Lockstep.Core.Tests.Dora;

namespace Lockstep.Core.Tests.Reporting;

public sealed class TrendFloorTests
{
    private static readonly Lockstep.Core.Dora.WindowMetrics Window = DoraSamples.Report().Lanes[0].Current;

    [Theory]
    [InlineData(5, 5, true)]
    [InlineData(5, 40, true)]
    [InlineData(4, 40, false)]
    [InlineData(40, 4, false)]
    public void Deployments_need_five_in_each_window(int current, int previous, bool enough) =>
        Assert.Equal(enough, TrendFloor.EnoughEvents(Window with { Deployments = current }, Window with { Deployments = previous }, restores: false));

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(2, 9, false)]
    [InlineData(9, 2, false)]
    public void Times_to_restore_need_three_restored_incidents_in_each_window(int current, int previous, bool enough) =>
        Assert.Equal(
            enough,
            TrendFloor.EnoughEvents(Window with { RestoredIncidents = current, Deployments = 0 }, Window with { RestoredIncidents = previous, Deployments = 0 }, restores: true));

    [Theory]
    [InlineData(11.0, 10.0, true)]
    [InlineData(9.0, 10.0, true)]
    [InlineData(10.99, 10.0, false)]
    [InlineData(9.01, 10.0, false)]
    [InlineData(0.33, 0.3, true)]
    [InlineData(0.1, 0.0, true)]
    [InlineData(0.0, 0.0, false)]
    public void Rates_and_durations_need_a_tenth_relative_change(double current, double previous, bool large) =>
        Assert.Equal(large, TrendFloor.LargeEnough(current, previous, share: false));

    [Theory]
    [InlineData(0.12, 0.10, true)]
    [InlineData(0.08, 0.10, true)]
    [InlineData(0.1199, 0.10, false)]
    [InlineData(0.0801, 0.10, false)]
    [InlineData(0.5, 0.49, false)]
    public void Shares_need_two_percentage_points(double current, double previous, bool large) =>
        Assert.Equal(large, TrendFloor.LargeEnough(current, previous, share: true));

}
