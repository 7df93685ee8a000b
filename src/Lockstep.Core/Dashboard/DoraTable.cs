using Lockstep.Core.Dora;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// Both lanes' DORA metrics for the current window against the one before, with their DORA 2024 levels. Each value
/// cell carries the exact number of <c>lockstep dora --json</c> (<c>data-key</c> = lane.field) so they can be compared.
/// </summary>
internal static class DoraTable
{
    private sealed record Row(string Label, string Field, Func<double, string> Format, Func<WindowMetrics, double?> Value, Func<WindowMetrics, PerformanceLevel?> Level);

    private static readonly Row[] Rows =
    [
        new("Deployments", "deployments", DashboardFormat.Count, w => w.Deployments, _ => null),
        new("Deploys/day", "deploys_per_day", DashboardFormat.Rate, w => w.DeploysPerDay, w => w.FrequencyLevel),
        new("Deploy-days/week", "deploy_days_per_week", DashboardFormat.Rate, w => w.DeployDaysPerWeek, _ => null),
        new("Lead time, median", "lead_time_median_hours", DashboardFormat.Hours, w => w.LeadTimeMedianHours, w => w.LeadTimeLevel),
        new("Lead time, P95", "lead_time_p95_hours", DashboardFormat.Hours, w => w.LeadTimeP95Hours, _ => null),
        new("Change failure rate", "change_failure_rate", DashboardFormat.Share, w => w.ChangeFailureRate, w => w.ChangeFailureLevel),
        new("Time to restore, mean", "time_to_restore_mean_hours", DashboardFormat.Hours, w => w.TimeToRestoreMeanHours, w => w.TimeToRestoreLevel),
        new("Time to restore, median", "time_to_restore_median_hours", DashboardFormat.Hours, w => w.TimeToRestoreMedianHours, _ => null),
        new("Rework rate", "rework_rate", DashboardFormat.Share, w => w.ReworkRate, _ => null),
    ];

    public static string Render(DoraReport report)
    {
        var code = report.Lanes.Single(l => l.Lane == Lane.Code);
        var model = report.Lanes.Single(l => l.Lane == Lane.Model);
        var table = new DataTable("dora-table", "Metric", "Code", "Code, window before", "Code level", "Model", "Model, window before", "Model level");
        foreach (var row in Rows)
        {
            table.Row([row.Label, .. Cells(code, row), .. Cells(model, row)]);
        }

        return table.Render();
    }

    private static Cell[] Cells(LaneReport lane, Row row)
    {
        var name = lane.Lane == Lane.Code ? "code" : "model";
        return
        [
            Cell.Number(row.Value(lane.Current), row.Format, $"{name}.current.{row.Field}"),
            Cell.Number(row.Value(lane.Previous), row.Format, $"{name}.previous.{row.Field}"),
            row.Level(lane.Current) is { } level ? level.ToString().ToLowerInvariant() : "—",
        ];
    }
}
