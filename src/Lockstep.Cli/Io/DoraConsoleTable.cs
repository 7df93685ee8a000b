using System.Globalization;
using System.Text;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Io;

/// <summary>Both lanes side by side: each metric for the current window, its change, and its DORA level.</summary>
public static class DoraConsoleTable
{
    private static readonly string[] Headers = ["Metric", "Code", "Model"];

    public static string Render(DoraReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"DORA over the {report.WindowDays} days to {report.AsOf:yyyy-MM-dd HH:mm}Z (change vs the {report.WindowDays} days before)").AppendLine().AppendLine();
        var rows = new List<string[]> { Headers };
        var code = report.Lanes.Single(l => l.Lane == Lane.Code);
        var model = report.Lanes.Single(l => l.Lane == Lane.Model);
        rows.Add(["deployments", Count(code.Current.Deployments), Count(model.Current.Deployments)]);
        rows.Add(["deploys/day", Cell(code, "deploys_per_day", code.Current.FrequencyLevel), Cell(model, "deploys_per_day", model.Current.FrequencyLevel)]);
        rows.Add(["lead time median (h)", Cell(code, "lead_time_median_hours", code.Current.LeadTimeLevel), Cell(model, "lead_time_median_hours", model.Current.LeadTimeLevel)]);
        rows.Add(["lead time P95 (h)", Cell(code, "lead_time_p95_hours", null), Cell(model, "lead_time_p95_hours", null)]);
        rows.Add(["change failure rate", Cell(code, "change_failure_rate", code.Current.ChangeFailureLevel), Cell(model, "change_failure_rate", model.Current.ChangeFailureLevel)]);
        rows.Add(["time to restore mean (h)", Cell(code, "time_to_restore_mean_hours", code.Current.TimeToRestoreLevel), Cell(model, "time_to_restore_mean_hours", model.Current.TimeToRestoreLevel)]);
        rows.Add(["rework rate", Cell(code, "rework_rate", null), Cell(model, "rework_rate", null)]);

        Columns(text, rows);

        // A note both lanes carry (an empty history) is said once.
        foreach (var note in report.Lanes.SelectMany(l => l.Notes).Distinct(StringComparer.Ordinal))
        {
            text.Append("note: ").AppendLine(note);
        }

        foreach (var line in UnmatchedEnvironmentsLine.For(report, name => name))
        {
            text.AppendLine(line);
        }

        if (report.UnattributedIncidents.Count > 0)
        {
            text.Append("unattributed incidents: ").AppendLine(string.Join(", ", report.UnattributedIncidents));
        }

        var drills = DrillRows.Of(report);
        if (drills.Count > 0)
        {
            text.AppendLine().AppendLine("DR drills (never counted as incidents)");
            Columns(text, [DrillRows.Headers, .. drills]);
        }

        return text.ToString();
    }

    private static void Columns(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cell(LaneReport lane, string metric, PerformanceLevel? level)
    {
        var delta = lane.Deltas.Single(d => d.Metric == metric);
        if (delta.Current is not { } value)
        {
            return "-";
        }

        var change = delta.Change is { } c ? $" ({Numbers.WithSign(Math.Round(c, 3))}{(delta.Improved is { } better ? better ? " better" : " worse" : string.Empty)})" : string.Empty;
        var tier = level is { } l ? $" [{l.ToString().ToLowerInvariant()}]" : string.Empty;
        return Numbers.Format(Math.Round(value, 3)) + change + tier;
    }
}
