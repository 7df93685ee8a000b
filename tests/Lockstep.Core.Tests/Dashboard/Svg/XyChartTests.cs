using System.Globalization;
using System.Text.RegularExpressions;
using Lockstep.Core.Dashboard.Svg;

namespace Lockstep.Core.Tests.Dashboard.Svg;

public partial class XyChartTests
{
    private static readonly string[] Days = [.. Enumerable.Range(0, 90).Select(i => new DateOnly(2026, 9, 1).AddDays(i).ToString("MMM d", CultureInfo.InvariantCulture))];

    [Fact]
    public void Each_value_is_one_bar_or_point_with_its_series_and_exact_value_and_gaps_draw_nothing()
    {
        double?[] withGap = [1, null, 3];
        var svg = new XyChart("t", ["a", "b", "c"], wholeNumbers: true, v => v.ToString(CultureInfo.InvariantCulture))
            .Bars("code", "code", [0, 2, 5], (i, v) => $"bar {i}")
            .Line("model", "model", withGap, (i, v) => $"point {i}")
            .Render();

        Assert.Equal(3, Regex.Count(svg, "<rect class=\"bar code\""));
        Assert.Equal(2, Regex.Count(svg, "<circle class=\"point model\""));
        Assert.Contains("data-value=\"5\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<polyline", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Ninety_day_labels_are_thinned_so_that_no_two_overlap_and_the_last_day_is_labelled()
    {
        var svg = new XyChart("t", Days, wholeNumbers: true, v => v.ToString(CultureInfo.InvariantCulture))
            .Bars("code", "code", [.. Days.Select(_ => (double?)1)], (i, v) => string.Empty)
            .Render();

        var labels = XLabel().Matches(svg).Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Text: m.Groups[2].Value)).ToList();
        Assert.InRange(labels.Count, 5, 20);
        Assert.Equal(Days[^1], labels[0].Text);
        var gaps = labels.Zip(labels.Skip(1), (a, b) => a.X - b.X).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= (6 * 6.4) + 8, $"labels {gap} apart"));
    }

    [Fact]
    public void A_count_axis_has_whole_number_tick_labels()
    {
        var svg = new XyChart("t", ["a", "b"], wholeNumbers: true, v => v.ToString(CultureInfo.InvariantCulture))
            .Bars("code", "code", [1, 3], (i, v) => string.Empty)
            .Render();

        var ticks = YTick().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["0", "1", "2", "3"], ticks);
    }

    [Fact]
    public void Reference_lines_and_bands_are_drawn_and_named_in_the_legend()
    {
        var chart = new XyChart("t", ["v1", "v2"], wholeNumbers: false, v => v.ToString(CultureInfo.InvariantCulture))
            .Line("candidate", "model", [0.86, 0.81], (i, v) => string.Empty)
            .Band("allowed", [(0.83, 0.86), null])
            .Reference("floor <0.8>", 0.8, "limit");

        var svg = chart.Render();
        Assert.Equal(1, Regex.Count(svg, "<rect class=\"band\""));
        Assert.Contains("floor &lt;0.8&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("floor &lt;0.8&gt;", chart.Legend(), StringComparison.Ordinal);
        Assert.Equal(2, chart.DrawnValues);
    }

    [Fact]
    public void A_series_of_another_length_than_the_categories_is_a_programming_error()
    {
        var chart = new XyChart("t", ["a", "b"], wholeNumbers: true, v => string.Empty);

        Assert.Throws<ArgumentException>(() => chart.Bars("code", "code", [1], (i, v) => string.Empty));
    }

    [GeneratedRegex("<text class=\"tick x\" x=\"([0-9.]+)\" y=\"[0-9.]+\">([^<]*)</text>")]
    private static partial Regex XLabel();

    [GeneratedRegex("<text class=\"tick y\"[^>]*>([^<]*)</text>")]
    private static partial Regex YTick();
}
