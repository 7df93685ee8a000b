using Lockstep.Core.Dashboard;
using Lockstep.Core.Dora;
using static Lockstep.Core.Tests.Dora.Events;

namespace Lockstep.Core.Tests.Dashboard;

public class DrillTableTests
{
    [Fact]
    public void Each_scenario_is_a_row_with_its_median_and_last_drill_and_no_drills_render_nothing()
    {
        var report = Calculate(
            Incident("fs-1", new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), lane: Lane.Model) with { Drill = DrillScenarios.FeatureStore },
            Incident("fs-2", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2), lane: Lane.Model) with { Drill = DrillScenarios.FeatureStore });

        var html = DrillTable.Render(report);

        // Median of 1 h and 2 h: 1.5 h; the last drill, on 2026-11-20, took 2 h.
        Assert.Contains("<th scope=\"row\">model</th><td>feature-store</td><td>2</td><td>1.5 h</td><td>2026-11-20, restored in 2.0 h</td>", html, StringComparison.Ordinal);
        Assert.Contains("over the last 90 days", html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, DrillTable.Render(Calculate()));
    }
}
