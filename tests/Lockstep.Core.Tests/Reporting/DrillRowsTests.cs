using Lockstep.Core.Dora;
using Lockstep.Core.Reporting;
using static Lockstep.Core.Tests.Dora.Events;

namespace Lockstep.Core.Tests.Reporting;

public class DrillRowsTests
{
    [Fact]
    public void The_DR_drills_table_shows_each_scenario_with_its_median_and_last_drill()
    {
        var report = Calculate(
            Incident("fs-1", DaysAgo(20), TimeSpan.FromMinutes(40), lane: Lane.Model) with { Drill = DrillScenarios.FeatureStore },
            Incident("fs-2", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(3), lane: Lane.Model) with { Drill = DrillScenarios.FeatureStore },
            Incident("mr-1", new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), lane: Lane.Model) with { Drill = DrillScenarios.ModelRegistry });

        // Feature store: median of 40 min and 180 min = 110 min = 1.8 h.
        Assert.Equal(
            """

            #### DR drills

            Disaster-recovery drills, timed apart from incidents: never in the change failure rate or the time to restore.

            | Lane | Scenario | Drills | Median time to restore | Last drill |
            |---|---|---|---|---|
            | model | feature-store | 2 | 1.8 h | 2026-11-20, restored in 3.0 h |
            | model | model-registry | 1 | — | 2026-11-25, still open |

            """.ReplaceLineEndings("\n"),
            DrillRows.Markdown(report).ReplaceLineEndings("\n"));
        Assert.EndsWith(DrillRows.Markdown(report), DoraMarkdown.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_drills_there_is_no_table()
    {
        var report = Calculate(Incident("INC-1", DaysAgo(2), TimeSpan.FromHours(1)));

        Assert.Empty(DrillRows.Of(report));
        Assert.Equal(string.Empty, DrillRows.Markdown(report));
        Assert.DoesNotContain("DR drills", DoraMarkdown.Render(report), StringComparison.Ordinal);
    }
}
