using Lockstep.Core.Dashboard.Svg;
using Lockstep.Core.History;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// Each gated model metric (AUC, P99 latency, a slice's AUC, …) per model version: the candidate's value, the baseline
/// it was compared with, the band a change bound allows below (or above) the baseline, and a value bound's limit.
/// </summary>
internal static class GatedMetricFigures
{
    public static string Render(IReadOnlyList<GateFact> gates, Func<string, bool> excluded)
    {
        var groups = gates
            .Where(g => !excluded(g.Metric) && g.Candidate is not null)
            .GroupBy(g => (g.Metric, g.Slice))
            .OrderBy(g => g.Key.Metric, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Slice ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        return string.Concat(groups.Select(g => Render(g.Key.Metric, g.Key.Slice, [.. g])));
    }

    private static string Render(string metric, string? slice, List<GateFact> facts)
    {
        // One point per model version (or per run when the version is unknown): its newest run.
        var runs = facts
            .GroupBy(f => f.Version ?? f.Run, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.At).ThenBy(f => f.Gate, StringComparer.Ordinal).ToList())
            .Select(g => g.Where(f => f.Run == g[^1].Run).ToList())
            .OrderBy(g => g[0].At)
            .ToList();
        var name = slice is null ? metric : $"{metric} [{slice}]";
        var id = "metric-" + Slug(name);
        var labels = runs.Select(r => r[0].Version ?? DashboardFormat.Time(r[0].At)).ToList();
        var candidate = runs.Select(r => r[0].Candidate).ToList();
        var baseline = runs.Select(r => r.FirstOrDefault(f => f.Baseline is not null)?.Baseline).ToList();
        var chart = new XyChart(name, labels, wholeNumbers: false, Numbers.Format, fromZero: false)
            .Line("candidate", "model", candidate, (i, v) => $"{labels[i]}: {Numbers.Format(v)}")
            .Line("baseline", "baseline", baseline, (i, v) => $"{labels[i]} baseline: {Numbers.Format(v)}", dashed: true);
        var bands = runs.Select(r => r.FirstOrDefault(f => f.LimitFromBaseline) is { } g
            ? ((double Low, double High)?)(Math.Min(g.Baseline!.Value, g.Limit!.Value), Math.Max(g.Baseline!.Value, g.Limit!.Value))
            : null).ToList();
        if (bands.Any(b => b is not null))
        {
            chart.Band("allowed change from the baseline", bands);
        }

        foreach (var fixedBound in runs[^1].Where(f => !f.LimitFromBaseline && f.Limit is not null))
        {
            chart.Reference($"{fixedBound.Gate}: {fixedBound.Action.ToString().ToLowerInvariant()} at {Numbers.Format(fixedBound.Limit!.Value)}", fixedBound.Limit.Value, "limit");
        }

        var table = new DataTable(id + "-table", "Model version", "Recorded (UTC)", "Candidate", "Baseline", "Gates", "Verdict");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            table.Row(
                labels[i],
                DashboardFormat.Time(run[0].At),
                Cell.Number(candidate[i], Numbers.Format),
                Cell.Number(baseline[i], Numbers.Format),
                string.Join("; ", run.Select(f => $"{f.Gate} {f.Status.ToString().ToLowerInvariant()}: {f.Bound}")),
                run[0].Verdict.ToString().ToLowerInvariant());
        }

        return Figure.Render(
            id,
            $"{name} per model version",
            "The candidate's value at its gate run (solid), the baseline it was compared with (dashed), the change its gates allow (shaded) and fixed limits (red).",
            chart,
            table);
    }

    private static string Slug(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
