using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// Mermaid charts GitHub renders from a DORA report: deployments per day (or week) per lane, the model lane's stage
/// strip as a Gantt, and the rolling change failure rate. xychart has no legend, so each title names its series and the
/// colours are fixed: code blue, model orange. Axes are chosen to stay readable as Mermaid 11 draws them at a comment's
/// width: whole-number count ticks (<see cref="WholeTicks"/>), few x labels (<see cref="ChartDays"/>) and a Gantt tick
/// interval from the strip's length (<see cref="GanttAxis"/>).
/// </summary>
public static class DoraCharts
{
    private const string Palette = """%%{init: {"xyChart": {"titleFontSize": 16}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #e16f24"}}}}%%""";

    /// <summary>
    /// Synthetic local dates, so the Gantt's axis starts at 00:00 in every viewer's time zone; a Sunday, where d3's
    /// weeks start, and 1 January, so the day of the year counts the strip's days from 1.
    /// </summary>
    private static readonly DateTime GanttStart = new(2006, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static string DeploymentsPerDay(DoraReport report)
    {
        var code = LaneOf(report, Lane.Code).DailyDeployments;
        var model = LaneOf(report, Lane.Model).DailyDeployments;
        var days = code.Select(d => d.Day).ToList();
        var axis = ChartDays.Of(days);
        var codeCounts = Sum(axis, code);
        var modelCounts = Sum(axis, model);
        var top = WholeTicks.Top(codeCounts.Concat(modelCounts).DefaultIfEmpty(0).Max());
        var md = Open("xychart-beta", palette: true);
        md.Append(CultureInfo.InvariantCulture, $"    title \"Deployments per {axis.Unit}, {axis.Span()}: code (blue bars), model (orange line)\"").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"    x-axis \"{(axis.Size == 1 ? "day" : "week ending on")}\" [").Append(axis.Labels(days)).AppendLine("]")
            .Append("    y-axis \"deployments\" 0 --> ").AppendLine(top.ToString(CultureInfo.InvariantCulture))
            .Append("    bar [").Append(Numbers(codeCounts)).AppendLine("]")
            .Append("    line [").Append(Numbers(modelCounts)).AppendLine("]");
        return Close(md);
    }

    /// <summary>The model lane's median stages one after another; null when no model deployment in the window has stage times.</summary>
    public static string? StageStrip(DoraReport report)
    {
        if (LaneOf(report, Lane.Model).Stages is not { } strip)
        {
            return null;
        }

        var axis = GanttAxis.For(Stages(strip).Sum(s => s.Hours is { } h ? Math.Round(h * 60) / 60 : 0));
        var md = Open("gantt", palette: false);
        md.Append("    title Model lane: median time per stage over ").Append(strip.Deployments.ToString(CultureInfo.InvariantCulture))
            .AppendLine(strip.Deployments == 1 ? " deployment" : " deployments")
            .AppendLine("    dateFormat YYYY-MM-DD HH:mm")
            .Append("    axisFormat ").AppendLine(axis.AxisFormat)
            .Append("    tickInterval ").AppendLine(axis.TickInterval)
            .AppendLine("    todayMarker off")
            .AppendLine("    section Model deployment");
        var at = GanttStart;
        var index = 0;
        foreach (var (name, _, hours) in Stages(strip))
        {
            index++;
            if (hours is not { } h)
            {
                continue;
            }

            var end = at.AddMinutes(Math.Round(h * 60));
            md.Append(CultureInfo.InvariantCulture, $"    {name} ({Durations.Format(h)}) : stage{index}, {at:yyyy-MM-dd HH:mm}, {end:yyyy-MM-dd HH:mm}").AppendLine();
            at = end;
        }

        return Close(md);
    }

    /// <summary>The model lane's median stages in words, for surfaces without charts.</summary>
    public static string? StageStripText(DoraReport report)
    {
        if (LaneOf(report, Lane.Model).Stages is not { } strip)
        {
            return null;
        }

        var text = new StringBuilder("**Model stages** (median over ");
        text.Append(strip.Deployments.ToString(CultureInfo.InvariantCulture)).Append(strip.Deployments == 1 ? " deployment" : " deployments").Append("): data snapshot");
        foreach (var (_, reached, hours) in Stages(strip))
        {
            text.Append(" → ").Append(reached).Append(' ').Append(hours is { } h ? Durations.Format(h) : "—");
        }

        return text.ToString();
    }

    public static string ChangeFailureRate(DoraReport report)
    {
        var code = LaneOf(report, Lane.Code).RollingChangeFailureRate;
        var model = LaneOf(report, Lane.Model).RollingChangeFailureRate;
        var days = code.Select(d => d.Day).ToList();
        var axis = ChartDays.Of(days);
        var highest = code.Concat(model).Max(r => r.Rate) ?? 0;
        var top = Math.Max(10, Math.Ceiling(highest * 10) * 10);
        var md = Open("xychart-beta", palette: true);
        md.Append(CultureInfo.InvariantCulture, $"    title \"Change failure rate, trailing {report.WindowDays} days, %, {axis.Span()}: code (blue), model (orange)\"").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"    x-axis \"{(axis.Size == 1 ? "day" : "end of week")}\" [").Append(axis.Labels(days)).AppendLine("]")
            .Append("    y-axis \"%\" 0 --> ").AppendLine(top.ToString(CultureInfo.InvariantCulture))
            .Append("    line [").Append(Percentages(axis, code)).AppendLine("]")
            .Append("    line [").Append(Percentages(axis, model)).AppendLine("]");
        return Close(md);
    }

    private static (string Name, string Reached, double? Hours)[] Stages(StageStrip strip) =>
    [
        ("data snapshot → trained", "trained", strip.SnapshotToTrainedHours),
        ("trained → evaluated", "evaluated", strip.TrainedToEvaluatedHours),
        ("evaluated → deployed", "deployed", strip.EvaluatedToDeployedHours),
    ];

    private static LaneReport LaneOf(DoraReport report, Lane lane) => report.Lanes.Single(l => l.Lane == lane);

    private static List<int> Sum(ChartDays axis, IReadOnlyList<DailyCount> daily) =>
        [.. axis.Points.Select(p => p.Sum(i => daily[i].Count))];

    private static string Numbers(IEnumerable<int> counts) => string.Join(", ", counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The rolling rate on each point's last day (it already covers the trailing window). A day without deployments in
    /// the trailing window has no rate; it is drawn at 0.
    /// </summary>
    private static string Percentages(ChartDays axis, IReadOnlyList<DailyRate> rates) =>
        string.Join(", ", axis.Points.Select(p => Math.Round((rates[p[^1]].Rate ?? 0) * 100, 1).ToString("0.#", CultureInfo.InvariantCulture)));

    private static StringBuilder Open(string chart, bool palette)
    {
        var md = new StringBuilder().AppendLine("```mermaid");
        if (palette)
        {
            md.AppendLine(Palette);
        }

        return md.AppendLine(chart);
    }

    private static string Close(StringBuilder md) => md.AppendLine("```").ToString();
}
