using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// Both DORA lanes as one markdown table: per metric and lane, the current window's value, its change against the
/// window before (arrow and amount, then <c>better</c> or <c>worse</c> when the change clears the <see cref="TrendFloor"/>;
/// ✅ and ⚠️ are kept for gate results) and the DORA 2024 level.
/// </summary>
public static class DoraMarkdown
{
    private enum Unit
    {
        PerDay,
        PerWeek,
        Hours,
        Share,
    }

    private sealed record Row(string Label, string Metric, Unit Unit, bool HigherIsBetter, Func<WindowMetrics, double?> Value, Func<WindowMetrics, PerformanceLevel?> Level);

    private static readonly Row[] Rows =
    [
        new("Deploys/day", "deploys_per_day", Unit.PerDay, true, w => w.DeploysPerDay, w => w.FrequencyLevel),
        new("Deploy-days/week", "deploy_days_per_week", Unit.PerWeek, true, w => w.DeployDaysPerWeek, _ => null),
        new("Lead time, median", "lead_time_median_hours", Unit.Hours, false, w => w.LeadTimeMedianHours, w => w.LeadTimeLevel),
        new("Lead time, P95", "lead_time_p95_hours", Unit.Hours, false, w => w.LeadTimeP95Hours, _ => null),
        new("Change failure rate", "change_failure_rate", Unit.Share, false, w => w.ChangeFailureRate, w => w.ChangeFailureLevel),
        new("Time to restore, mean", "time_to_restore_mean_hours", Unit.Hours, false, w => w.TimeToRestoreMeanHours, w => w.TimeToRestoreLevel),
        new("Time to restore, median", "time_to_restore_median_hours", Unit.Hours, false, w => w.TimeToRestoreMedianHours, _ => null),
        new("Rework rate", "rework_rate", Unit.Share, false, w => w.ReworkRate, _ => null),
    ];

    public static string Render(DoraReport report)
    {
        var code = report.Lanes.Single(l => l.Lane == Lane.Code);
        var model = report.Lanes.Single(l => l.Lane == Lane.Model);
        var days = report.WindowDays.ToString(CultureInfo.InvariantCulture);
        var md = new StringBuilder();
        md.AppendLine("### Delivery: DORA metrics for code and model").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"The {days} days to {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC (as of), against the {days} days before: ")
            .Append(CultureInfo.InvariantCulture, $"{code.Current.Deployments} code and {model.Current.Deployments} model deployments. ")
            .AppendLine("Levels are DORA 2024 clusters.").AppendLine();
        md.AppendLine("| Metric | Code | Model |").AppendLine("|---|---|---|");
        foreach (var row in Rows)
        {
            md.Append("| ").Append(row.Label).Append(" | ").Append(Cell(code, row)).Append(" | ").Append(Cell(model, row)).AppendLine(" |");
        }

        foreach (var line in UnmatchedEnvironmentsLine.For(report, MarkdownText.Code))
        {
            md.AppendLine().Append(char.ToUpperInvariant(line[0])).Append(line, 1, line.Length - 1).AppendLine(".");
        }

        return md.Append(DrillRows.Markdown(report)).ToString();
    }

    private static string Cell(LaneReport lane, Row row)
    {
        if (row.Value(lane.Current) is not { } current)
        {
            return "—";
        }

        var parts = new List<string> { Value(current, row.Unit) };
        var previous = row.Value(lane.Previous);
        var delta = lane.Deltas.FirstOrDefault(d => d.Metric == row.Metric)
            ?? LaneCalculator.Delta(row.Metric, current, previous, row.HigherIsBetter);
        if (delta.Change is { } change)
        {
            var worded = previous is { } before
                && TrendFloor.EnoughEvents(lane.Current, lane.Previous, restores: row.Metric.StartsWith("time_to_restore", StringComparison.Ordinal))
                && TrendFloor.LargeEnough(current, before, share: row.Unit == Unit.Share);
            parts.Add(Change(change, row.Unit) + (worded ? delta.Improved switch
            {
                true => " better",
                false => " worse",
                null => string.Empty,
            } : string.Empty));
        }

        if (row.Level(lane.Current) is { } level)
        {
            parts.Add(level.ToString().ToLowerInvariant());
        }

        return string.Join(" · ", parts);
    }

    private static string Value(double value, Unit unit) => unit switch
    {
        Unit.PerDay => value.ToString("0.##", CultureInfo.InvariantCulture),
        Unit.PerWeek => value.ToString("0.#", CultureInfo.InvariantCulture),
        Unit.Hours => Durations.Format(value),
        _ => Numbers.Percent(value),
    };

    private static string Change(double change, Unit unit)
    {
        if (change == 0)
        {
            return "no change";
        }

        var size = Math.Abs(change);
        var amount = unit == Unit.Share ? (size * 100).ToString("0.#", CultureInfo.InvariantCulture) + " pp" : Value(size, unit);
        return (change > 0 ? "↑ " : "↓ ") + amount;
    }
}
