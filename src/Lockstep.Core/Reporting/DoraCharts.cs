using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// Mermaid charts GitHub renders from a DORA report: deployments per day per lane, the model lane's stage strip as a
/// Gantt, and the rolling change failure rate. xychart has no legend, so each title names its series and the colours
/// are fixed: code blue, model orange.
/// </summary>
public static class DoraCharts
{
    private const string Palette = """%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #e16f24"}}}}%%""";

    /// <summary>Synthetic local dates, so the Gantt's axis starts at 00:00 in every viewer's time zone.</summary>
    private static readonly DateTime GanttStart = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static string DeploymentsPerDay(DoraReport report)
    {
        var code = LaneOf(report, Lane.Code).DailyDeployments;
        var model = LaneOf(report, Lane.Model).DailyDeployments;
        var top = Math.Max(1, code.Concat(model).Max(d => (int?)d.Count) ?? 0);
        var md = Open("xychart-beta", palette: true);
        md.AppendLine("    title \"Deployments per day: code (blue bars), model (orange line)\"")
            .Append("    x-axis [").Append(string.Join(", ", code.Select(d => Label(d.Day)))).AppendLine("]")
            .Append("    y-axis \"deployments\" 0 --> ").AppendLine(top.ToString(CultureInfo.InvariantCulture))
            .Append("    bar [").Append(string.Join(", ", code.Select(d => d.Count.ToString(CultureInfo.InvariantCulture)))).AppendLine("]")
            .Append("    line [").Append(string.Join(", ", model.Select(d => d.Count.ToString(CultureInfo.InvariantCulture)))).AppendLine("]");
        return Close(md);
    }

    /// <summary>The model lane's median stages one after another; null when no model deployment in the window has stage times.</summary>
    public static string? StageStrip(DoraReport report)
    {
        if (LaneOf(report, Lane.Model).Stages is not { } strip)
        {
            return null;
        }

        var md = Open("gantt", palette: false);
        md.Append("    title Model lane: median time per stage over ").Append(strip.Deployments.ToString(CultureInfo.InvariantCulture))
            .AppendLine(strip.Deployments == 1 ? " deployment" : " deployments")
            .AppendLine("    dateFormat YYYY-MM-DD HH:mm")
            .AppendLine("    axisFormat day %e %H:%M")
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
        var highest = code.Concat(model).Max(r => r.Rate) ?? 0;
        var top = Math.Max(10, Math.Ceiling(highest * 10) * 10);
        var md = Open("xychart-beta", palette: true);
        md.Append("    title \"Change failure rate over the trailing ").Append(report.WindowDays.ToString(CultureInfo.InvariantCulture))
            .AppendLine(" days, %: code (blue), model (orange)\"")
            .Append("    x-axis [").Append(string.Join(", ", code.Select(d => Label(d.Day)))).AppendLine("]")
            .Append("    y-axis \"%\" 0 --> ").AppendLine(top.ToString(CultureInfo.InvariantCulture))
            .Append("    line [").Append(Percentages(code)).AppendLine("]")
            .Append("    line [").Append(Percentages(model)).AppendLine("]");
        return Close(md);
    }

    private static (string Name, string Reached, double? Hours)[] Stages(StageStrip strip) =>
    [
        ("data snapshot → trained", "trained", strip.SnapshotToTrainedHours),
        ("trained → evaluated", "evaluated", strip.TrainedToEvaluatedHours),
        ("evaluated → deployed", "deployed", strip.EvaluatedToDeployedHours),
    ];

    private static LaneReport LaneOf(DoraReport report, Lane lane) => report.Lanes.Single(l => l.Lane == lane);

    private static string Label(DateOnly day) => "\"" + day.ToString("MM-dd", CultureInfo.InvariantCulture) + "\"";

    /// <summary>A day without deployments in the trailing window has no rate; it is drawn at 0.</summary>
    private static string Percentages(IEnumerable<DailyRate> rates) =>
        string.Join(", ", rates.Select(r => Math.Round((r.Rate ?? 0) * 100, 1).ToString("0.#", CultureInfo.InvariantCulture)));

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
