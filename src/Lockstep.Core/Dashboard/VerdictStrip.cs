using System.Globalization;
using System.Text;
using Lockstep.Core.History;

namespace Lockstep.Core.Dashboard;

/// <summary>The gate verdict of every recorded run, oldest first, as a strip of coloured cells with its table.</summary>
internal static class VerdictStrip
{
    private const double Width = 760, Cell = 14, Gap = 2;

    public static string Figure(IReadOnlyList<GateFact> gates)
    {
        var runs = gates.GroupBy(g => g.Run, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.Gate, StringComparer.Ordinal).ToList())
            .OrderBy(r => r[0].At).ThenBy(r => r[0].Run, StringComparer.Ordinal)
            .ToList();
        if (runs.Count == 0)
        {
            return Dashboard.Figure.Empty("gate-verdicts", "Gate verdicts", "gate runs");
        }

        var perRow = (int)((Width - Gap) / (Cell + Gap));
        var height = (((runs.Count + perRow - 1) / perRow) * (Cell + Gap)) + Gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart verdicts\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Gate verdicts\">");
        var table = new DataTable("gate-verdicts-table", "Recorded (UTC)", "Model version", "Verdict", "Gates that did not pass");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var verdict = run[0].Verdict.ToString().ToLowerInvariant();
            var notPassed = string.Join(", ", run.Where(g => g.Status is not (Gates.GateStatus.Pass or Gates.GateStatus.Skipped)).Select(g => $"{g.Gate} ({g.Status.ToString().ToLowerInvariant()})"));
            var label = $"{DashboardFormat.Time(run[0].At)} {run[0].Version ?? string.Empty}: {verdict}" + (notPassed.Length > 0 ? " — " + notPassed : string.Empty);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"run {verdict}\" x=\"{Gap + ((i % perRow) * (Cell + Gap))}\" y=\"{Gap + ((i / perRow) * (Cell + Gap))}\" width=\"{Cell}\" height=\"{Cell}\"><title>{Html.Text(label)}</title></rect>");
            table.Row(DashboardFormat.Time(run[0].At), run[0].Version ?? "—", verdict, notPassed.Length > 0 ? notPassed : "—");
        }

        svg.Append("</svg><ul class=\"legend\">");
        foreach (var verdict in new[] { "pass", "warn", "fail", "error" })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch run {verdict}\"></span>{verdict}</li>");
        }

        svg.Append("</ul>");
        return Dashboard.Figure.Render(
            "gate-verdicts",
            $"Gate verdicts: {DashboardFormat.Count(runs.Count, "run")}",
            "Every recorded gate run, oldest first, left to right: green passed, amber warned, red failed, grey could not decide.",
            svg.ToString(),
            runs.Count,
            table);
    }
}
