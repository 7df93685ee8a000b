using Lockstep.Core.Reporting;
using Lockstep.Core.Tests.Dora;
using Lockstep.Tests.Shared;

namespace Lockstep.Core.Tests.Reporting;

public class DoraMarkdownTests
{
    private static readonly string Markdown = DoraMarkdown.Render(DoraSamples.Report());

    [Fact]
    public void Names_the_window_the_time_and_the_levels()
    {
        Assert.Contains(
            "The 7 days to 2026-03-15 12:00 UTC (as of), against the 7 days before: 4 code and 1 model deployments. Levels are DORA 2024 clusters.",
            Markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Each_cell_shows_the_value_its_change_and_the_level()
    {
        // Code: 4 deployments in 7 days (2 before); lead time median 14 h (15 h before), P95 42 h (23.1 h before);
        // 2 of 4 failed, as 1 of 2 before. Model: 1 deployment in each window; lead times 60 h and 72 h (76 h before).
        // Too few deployments for a word on any trend (the noise floor).
        Assert.Contains("| Deploys/day | 0.57 · ↑ 0.29 · high | 0.14 · no change · high |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Lead time, median | 14.0 h · ↓ 1.0 h · elite | 2.8 d · ↓ 10.0 h · high |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Lead time, P95 | 42.0 h · ↑ 18.9 h | 3.0 d · ↓ 4.6 h |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Change failure rate | 50% · no change · low | 0% · no change · elite |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_needs_a_value_in_both_windows()
    {
        // Code: i2 restored in 16.5 h (i1 in 2 h before). Model: i4 in 3 h, and no incident in the previous window.
        Assert.Contains("| Time to restore, mean | 16.5 h · ↑ 14.5 h · high | 3.0 h · high |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Above_the_noise_floor_trends_say_better_or_worse_in_words()
    {
        var markdown = DoraMarkdown.Render(WithCodeEvents(deployments: TrendFloor.MinDeployments, restored: TrendFloor.MinRestoredIncidents));

        string[] worded = ["| Deploys/day | 0.57 · ↑ 0.29 better · high |", "| Lead time, P95 | 42.0 h · ↑ 18.9 h worse |", "| Time to restore, mean | 16.5 h · ↑ 14.5 h worse · high |"];
        Assert.All(worded, row => Assert.Contains(row, markdown, StringComparison.Ordinal));
        Assert.DoesNotContain("✅", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠️", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_under_a_tenth_gets_no_word_even_with_enough_events()
    {
        // The code lane's median lead time went from 15 h to 14 h: 6.7 % shorter.
        var markdown = DoraMarkdown.Render(WithCodeEvents(deployments: 20, restored: 20));

        Assert.Contains("| Lead time, median | 14.0 h · ↓ 1.0 h · elite |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void One_event_below_the_floor_in_either_window_takes_the_word_away()
    {
        var markdown = DoraMarkdown.Render(WithCodeEvents(deployments: TrendFloor.MinDeployments - 1, restored: TrendFloor.MinRestoredIncidents - 1));

        Assert.Contains("| Deploys/day | 0.57 · ↑ 0.29 · high |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Time to restore, mean | 16.5 h · ↑ 14.5 h · high |", markdown, StringComparison.Ordinal);
    }

    /// <summary>The sample with the code lane's windows counting more events (the values stay the sample's).</summary>
    private static Lockstep.Core.Dora.DoraReport WithCodeEvents(int deployments, int restored)
    {
        var report = DoraSamples.Report();
        return report with
        {
            Lanes = [.. report.Lanes.Select(l => l.Lane != Lockstep.Core.Dora.Lane.Code ? l : l with
            {
                Current = l.Current with { Deployments = deployments + 3, RestoredIncidents = restored },
                Previous = l.Previous with { Deployments = deployments, RestoredIncidents = restored + 3 },
            })],
        };
    }

    [Fact]
    public void Matches_the_golden_file() => GoldenFile.AssertMatches("dora-markdown.md", Markdown);
}
