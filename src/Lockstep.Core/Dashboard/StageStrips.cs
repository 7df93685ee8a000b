using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// The model lane's lead time as a Gantt strip per deployment: data snapshot → trained → evaluated → deployed, one
/// row per staged deployment (the newest 40) under the window's median row, on one time scale, so the stage that
/// holds a model back is the longest segment.
/// </summary>
internal static class StageStrips
{
    private const double Width = 760, Label = 150, Right = 14, RowHeight = 18;
    private const int MostRows = 40;
    private static readonly string[] Names = ["snapshot → trained", "trained → evaluated", "evaluated → deployed"];

    public static string Figure(IReadOnlyList<StagedDeployment> staged, StageStrip? median)
    {
        if (staged.Count == 0)
        {
            return Dashboard.Figure.Empty("stage-strip", "Model lane: time per stage", "model deployments with stage times");
        }

        var rows = new List<(string Label, string Key, double?[] Hours)>();
        if (median is not null)
        {
            rows.Add(($"median of {median.Deployments}", "median", [median.SnapshotToTrainedHours, median.TrainedToEvaluatedHours, median.EvaluatedToDeployedHours]));
        }

        foreach (var deployment in staged.OrderByDescending(s => s.FinishedAt).Take(MostRows))
        {
            rows.Add((deployment.ModelVersion ?? deployment.Deployment, deployment.Deployment, [deployment.SnapshotToTrainedHours, deployment.TrainedToEvaluatedHours, deployment.EvaluatedToDeployedHours]));
        }

        var longest = Math.Max(1e-9, rows.Max(r => r.Hours.Sum(h => h ?? 0)));
        var height = (rows.Count * RowHeight) + 30;
        var scale = (Width - Label - Right) / longest;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart strip\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Model lane: time per stage\">");
        var drawn = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var y = (r * RowHeight) + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"row-label\" x=\"{Label - 6}\" y=\"{y + 12}\">{Html.Text(rows[r].Label)}</text>");
            var x = Label;
            for (var s = 0; s < Names.Length; s++)
            {
                if (rows[r].Hours[s] is not { } hours)
                {
                    continue;
                }

                var w = Math.Max(0.5, hours * scale);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"segment stage{s + 1}\" data-value=\"{hours.ToString("R", CultureInfo.InvariantCulture)}\" x=\"{x:0.#}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{RowHeight - 4}\"><title>{Html.Text(rows[r].Label)}: {Names[s]} {DashboardFormat.Hours(hours)}</title></rect>");
                x += w;
                drawn++;
            }
        }

        foreach (var tick in TimeTicks(longest))
        {
            var x = Label + (tick * scale);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick x\" x=\"{x:0.#}\" y=\"{height - 6}\">{DashboardFormat.Hours(tick)}</text>");
        }

        svg.Append("</svg><ul class=\"legend\">");
        for (var s = 0; s < Names.Length; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch stage{s + 1}\"></span>{Html.Text(Names[s])}</li>");
        }

        svg.Append("</ul>");
        var table = new DataTable("stage-strip-table", "Deployment", "Snapshot → trained", "Trained → evaluated", "Evaluated → deployed");
        foreach (var row in rows)
        {
            table.Row(new Cell(row.Label, null, row.Key), Cell.Number(row.Hours[0], DashboardFormat.Hours), Cell.Number(row.Hours[1], DashboardFormat.Hours), Cell.Number(row.Hours[2], DashboardFormat.Hours));
        }

        return Dashboard.Figure.Render(
            "stage-strip",
            "Model lane: time per stage",
            "Where a model's lead time goes, per deployment, newest first: the longest segment is the stage to work on.",
            svg.ToString(),
            drawn,
            table);
    }

    /// <summary>About four ticks at whole hours or whole days.</summary>
    private static IEnumerable<double> TimeTicks(double longest)
    {
        double[] steps = [0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 72, 168, 336];
        var step = steps.FirstOrDefault(s => longest / s <= 5, 24 * Math.Ceiling(longest / 24 / 5));
        for (var t = 0.0; t <= longest + 1e-9; t += step)
        {
            yield return t;
        }
    }
}
