using System.Globalization;
using Lockstep.Browser.Tests.Harness;

namespace Lockstep.Browser.Tests.Reporting;

/// <summary>
/// The PR comment's Mermaid blocks drawn by the Mermaid release GitHub uses, at a comment's width: they render, their
/// axis labels do not overlap, and counts are ticked in whole numbers.
/// </summary>
[Collection(BrowserUsers.Name)]
public sealed class PrReportMermaidTests(BrowserFixture browser)
{
    public static TheoryData<string> Histories => ChartHistories.Names;

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Every_chart_renders_without_an_error(string history)
    {
        var charts = await Render(history);

        Assert.Equal(3, charts.Count);
        Assert.All(charts, c => Assert.True(c.Error is null && c.PageProblems.Length == 0, $"{c.Error}\n{c.PageProblems}\n{c.Code}"));
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task X_axis_labels_do_not_overlap(string history)
    {
        var charts = (await Render(history)).Where(c => !c.IsGantt).ToList();

        Assert.All(charts, c =>
        {
            Assert.NotEmpty(c.X);
            var overlaps = RenderedChart.Overlaps(c.X);
            Assert.True(overlaps == 0, $"{overlaps} of {c.X.Count} x-axis labels overlap their neighbour:\n{c.Code}");
        });
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Deployment_counts_are_ticked_in_whole_numbers(string history)
    {
        var deployments = (await Render(history)).First(c => c.Code.Contains("Deployments", StringComparison.Ordinal));

        Assert.NotEmpty(deployments.Y);
        var fractional = deployments.Y.Where(l => !int.TryParse(l.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Select(l => l.Text).ToList();
        Assert.True(fractional.Count == 0, $"y ticks that are not whole numbers: {string.Join(", ", fractional)}\n{deployments.Code}");
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task The_stage_strips_time_axis_does_not_overlap(string history)
    {
        var gantt = Assert.Single(await Render(history), c => c.IsGantt);

        Assert.True(gantt.Gantt.Count >= 2, $"{gantt.Gantt.Count} axis labels:\n{gantt.Code}");
        var overlaps = RenderedChart.Overlaps(gantt.Gantt);
        Assert.True(overlaps == 0, $"{overlaps} of {gantt.Gantt.Count} axis labels overlap ({string.Join(" | ", gantt.Gantt.Select(l => l.Text))}):\n{gantt.Code}");
    }

    private Task<IReadOnlyList<RenderedChart>> Render(string history) =>
        MermaidRendering.RenderAsync(browser, ChartHistories.Comment(history));
}
