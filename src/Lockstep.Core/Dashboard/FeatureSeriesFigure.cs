using Lockstep.Core.Dashboard.Svg;
using Lockstep.Core.History;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// A per-feature signal over days (PSI, feature freshness): one line per feature, the day's newest value (per week: the
/// week's largest, the one a bound cares about), and the bounds the policy's gates hold it to as reference lines.
/// </summary>
internal static class FeatureSeriesFigure
{
    private const int Palette = 8;

    /// <param name="feature">The feature a metric name is about, or null when the metric is not a per-feature one.</param>
    /// <param name="fallback">The line to draw when no gate of the history bounds the signal.</param>
    public static string Render(
        string id,
        string title,
        string description,
        IReadOnlyList<MetricFact> metrics,
        IReadOnlyList<GateFact> gates,
        Func<string, string?> feature,
        Func<string, bool> gated,
        (string Label, double Value)? fallback,
        Func<double, string> format,
        Buckets buckets)
    {
        var points = metrics
            .Select(m => (Fact: m, Feature: feature(m.Metric)))
            .Where(x => x.Feature is not null && x.Fact.Slice is null && double.IsFinite(x.Fact.Value))
            .Select(x => (x.Fact, Feature: x.Feature!, Day: buckets.Of(DateOnly.FromDateTime(x.Fact.At.UtcDateTime))))
            .ToList();
        if (points.Count == 0)
        {
            return Figure.Empty(id, title, "values");
        }

        var days = points.Select(p => p.Day).Distinct().Order().ToList();
        var dayIndex = days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var features = points.Select(p => p.Feature).Distinct().Order(StringComparer.Ordinal).ToList();
        var values = features.ToDictionary(f => f, _ => new double?[days.Count], StringComparer.Ordinal);
        foreach (var point in points.OrderBy(p => p.Fact.At))
        {
            ref var value = ref values[point.Feature][dayIndex[point.Day]];
            value = buckets.Days == 1 || value is null ? point.Fact.Value : Math.Max(value.Value, point.Fact.Value);
        }

        var chart = new XyChart(title, [.. days.Select(DashboardFormat.Day)], wholeNumbers: false, format);
        for (var f = 0; f < features.Count; f++)
        {
            var name = features[f];
            chart.Line(name, "f" + (f % Palette), values[name], (i, v) => $"{name}, {buckets.Name(days[i])}: {format(v)}");
        }

        var bounds = Bounds(gates, gated);
        foreach (var (label, value) in bounds.Count > 0 ? bounds : fallback is { } line ? [line] : [])
        {
            chart.Reference(label, value, "limit");
        }

        var table = new DataTable(id + "-table", [buckets.Days == 1 ? "Day" : "Week of", .. features]);
        for (var d = 0; d < days.Count; d++)
        {
            table.Row([DashboardFormat.Date(days[d]), .. features.Select(f => Cell.Number(values[f][d], format))]);
        }

        return Figure.Render(id, $"{title}{(buckets.Days == 1 ? string.Empty : ", largest per week")}: {DashboardFormat.Range(days[0], days[^1].AddDays(buckets.Days - 1))}", description, chart, table);
    }

    /// <summary>The newest limit of each gate on the signal, labelled with its action.</summary>
    private static List<(string Label, double Value)> Bounds(IReadOnlyList<GateFact> gates, Func<string, bool> gated) =>
        [.. gates
            .Where(g => gated(g.Metric) && g.Slice is null && g.Limit is not null)
            .GroupBy(g => g.Gate, StringComparer.Ordinal)
            .Select(g => g.MaxBy(x => x.At)!)
            .OrderByDescending(g => g.Action)
            .Select(g => ($"{g.Gate}: {ActionName(g.Action)} at {Numbers.Format(g.Limit!.Value)}", g.Limit!.Value))];

    private static string ActionName(RunbookAction action) => action.ToString().ToLowerInvariant();
}
