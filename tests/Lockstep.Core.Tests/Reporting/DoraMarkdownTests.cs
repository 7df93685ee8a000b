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
        Assert.Contains("| Deploys/day | 0.57 · ↑ 0.29 ✅ · high | 0.14 · no change · high |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Lead time, median | 14.0 h · ↓ 1.0 h ✅ · elite | 2.8 d · ↓ 10.0 h ✅ · high |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Lead time, P95 | 42.0 h · ↑ 18.9 h ⚠️ | 3.0 d · ↓ 4.6 h ✅ |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Change failure rate | 50% · no change · low | 0% · no change · elite |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_needs_a_value_in_both_windows()
    {
        // Code: i2 restored in 16.5 h (i1 in 2 h before). Model: i4 in 3 h, and no incident in the previous window.
        Assert.Contains("| Time to restore, mean | 16.5 h · ↑ 14.5 h ⚠️ · high | 3.0 h · high |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_variant_says_better_and_worse_in_words()
    {
        var plain = DoraMarkdown.Render(DoraSamples.Report(), plain: true);

        Assert.Contains("| Lead time, median | 14.0 h · ↓ 1.0 h better · elite |", plain, StringComparison.Ordinal);
        Assert.Contains("42.0 h · ↑ 18.9 h worse |", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_the_golden_file() => GoldenFile.AssertMatches("dora-markdown.md", Markdown);
}
