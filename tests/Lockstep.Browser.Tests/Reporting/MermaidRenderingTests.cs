using Lockstep.Browser.Tests.Harness;

namespace Lockstep.Browser.Tests.Reporting;

/// <summary>The checks themselves catch what they look for: a chart Mermaid refuses, and crowded labels.</summary>
[Collection(BrowserUsers.Name)]
public sealed class MermaidRenderingTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_chart_Mermaid_cannot_parse_is_an_error()
    {
        var chart = Assert.Single(await MermaidRendering.RenderAsync(browser, "```mermaid\nxychart-beta\n    x-axis [\"a\"\n```\n"));

        Assert.NotNull(chart.Error);
    }

    [Fact]
    public async Task Thirty_month_day_labels_overlap_at_a_comments_width()
    {
        var labels = string.Join(", ", Enumerable.Range(1, 30).Select(d => $"\"10-{d:D2}\""));
        var bars = string.Join(", ", Enumerable.Range(1, 30).Select(d => d % 4));
        var chart = Assert.Single(await MermaidRendering.RenderAsync(browser, $"```mermaid\nxychart-beta\n    x-axis [{labels}]\n    y-axis 0 --> 3\n    bar [{bars}]\n```\n"));

        Assert.Null(chart.Error);
        Assert.Equal(30, chart.X.Count);
        Assert.True(RenderedChart.Overlaps(chart.X) > 0);
        Assert.Contains(chart.Y, l => l.Text == "0.2");
    }
}
