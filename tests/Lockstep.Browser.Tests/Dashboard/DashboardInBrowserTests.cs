using System.Globalization;
using System.Text.Json;
using Lockstep.Browser.Tests.Harness;

namespace Lockstep.Browser.Tests.Dashboard;

/// <summary>
/// The dashboard of the demo plus a generated three-year, two-lane history, opened in headless Chromium as a user
/// opens it from a CI artifact: nothing fails, nothing is fetched, every chart draws what it says, and the DORA table
/// holds the numbers of <c>lockstep dora --json</c> for the same as-of.
/// </summary>
[Collection(BrowserUsers.Name)]
public sealed class DashboardInBrowserTests(BrowserFixture browser, HistoryDashboard history) : IClassFixture<HistoryDashboard>
{
    [Fact]
    public async Task The_page_opens_without_errors_and_requests_nothing()
    {
        await using var visit = await browser.OpenFileAsync(history.Page, 1280);

        Assert.True(visit.ConsoleErrors.Count + visit.PageErrors.Count + visit.BlockedRequests.Count == 0, visit.Describe());
        Assert.Equal("Lockstep: delivery and model quality", await visit.Page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"));
    }

    [Fact]
    public async Task The_DORA_table_holds_the_numbers_of_lockstep_dora_json_for_the_same_as_of()
    {
        await using var visit = await browser.OpenFileAsync(history.Page, 1280);
        var cells = await visit.Page.EvaluateExpressionAsync<Dictionary<string, string>>(
            "Object.fromEntries([...document.querySelectorAll('#dora-table [data-key]')].map(c => [c.dataset.key, c.dataset.value ?? '']))");

        using var dora = JsonDocument.Parse(await File.ReadAllTextAsync(history.DoraJson));
        var compared = 0;
        foreach (var lane in dora.RootElement.GetProperty("lanes").EnumerateArray())
        {
            foreach (var window in new[] { "current", "previous" })
            {
                foreach (var field in lane.GetProperty(window).EnumerateObject().Where(f => f.Value.ValueKind is JsonValueKind.Number or JsonValueKind.Null))
                {
                    var key = $"{lane.GetProperty("lane").GetString()}.{window}.{field.Name}";
                    if (!cells.TryGetValue(key, out var shown))
                    {
                        continue;
                    }

                    if (field.Value.ValueKind == JsonValueKind.Null)
                    {
                        Assert.Equal(string.Empty, shown);
                    }
                    else
                    {
                        Assert.Equal(field.Value.GetDouble(), double.Parse(shown, CultureInfo.InvariantCulture), 9);
                    }

                    compared++;
                }
            }
        }

        Assert.Equal(cells.Count, compared);
        Assert.Equal(2 * 2 * 9, compared);
    }

    [Fact]
    public async Task Every_chart_draws_the_points_it_states_and_the_known_history_gives_the_expected_counts()
    {
        await using var visit = await browser.OpenFileAsync(history.Page, 1280);
        var figures = await visit.Page.EvaluateExpressionAsync<Dictionary<string, int[]>>(
            "Object.fromEntries([...document.querySelectorAll('figure.figure')].map(f => [f.id, [Number(f.dataset.points), f.querySelectorAll('svg .bar, svg .point, svg .segment, svg .run').length, f.querySelectorAll('table tbody tr').length]]))");

        Assert.All(figures, f => Assert.True(f.Value[0] == f.Value[1], $"{f.Key}: states {f.Value[0]}, draws {f.Value[1]}"));

        // 90 days of bars for each lane, and a rolling rate for each day on which a lane had deployed in its window.
        Assert.Equal([180, 180, 90], figures["deploy-frequency"]);
        Assert.Equal(90, figures["change-failure-rate"][2]);

        // One verdict per gate run: the generated versions evaluated in the 90 days, and the demo's run.
        var spanStart = new DateTimeOffset(2026, 8, 27, 0, 0, 0, TimeSpan.Zero);
        var generatedRuns = history.Generated.Cards.Count(c => CardEvaluatedAt(c) >= spanStart);
        Assert.InRange(generatedRuns, 9, 18);
        Assert.Equal(generatedRuns + 1, figures["gate-verdicts"][0]);

        // PSI per feature: the generated cards carry four features; the days with a card in the span have one point each.
        Assert.Equal(4 * figures["psi"][2], figures["psi"][0]);
        Assert.Equal(4 * 90, figures["freshness"][0]);
    }

    [Fact]
    public async Task The_three_year_page_stays_under_two_megabytes_and_opens_without_errors()
    {
        Assert.InRange(new FileInfo(history.ThreeYearPage).Length, 100_000, 2_000_000);

        await using var visit = await browser.OpenFileAsync(history.ThreeYearPage, 1280);
        Assert.True(visit.ConsoleErrors.Count + visit.PageErrors.Count + visit.BlockedRequests.Count == 0, visit.Describe());
        var weeks = await visit.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('#deploy-frequency-table tbody tr').length");
        Assert.Equal(157, weeks);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_two_axis_labels_overlap_and_none_runs_past_its_chart(bool threeYears)
    {
        await using var visit = await browser.OpenFileAsync(threeYears ? history.ThreeYearPage : history.Page, 1280);

        // Per chart, the x labels' boxes as drawn, left to right: [chart id, overlapping pairs, labels outside the svg].
        var problems = await visit.Page.EvaluateExpressionAsync<string[]>("""
            [...document.querySelectorAll('figure.figure svg.chart')].flatMap(svg => {
              const box = svg.getBoundingClientRect();
              const labels = [...svg.querySelectorAll('text.tick.x')].map(t => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
              const out = [];
              labels.forEach((l, i) => {
                if (i > 0 && l.left < labels[i - 1].right) out.push(svg.closest('figure').id + ': labels overlap at ' + Math.round(l.left));
                if (l.left < box.left - 0.5 || l.right > box.right + 0.5) out.push(svg.closest('figure').id + ': a label runs past the chart');
              });
              return out;
            })
            """);

        Assert.Empty(problems);
    }

    private static DateTimeOffset CardEvaluatedAt(string path)
    {
        using var card = JsonDocument.Parse(File.ReadAllText(path));
        return card.RootElement.GetProperty("timeline").GetProperty("evaluated_at").GetDateTimeOffset();
    }
}
