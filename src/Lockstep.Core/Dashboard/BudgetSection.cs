using System.Text;
using Lockstep.Core.Dashboard.Svg;
using Lockstep.Core.Slo;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// The error budgets, one panel per family (software SLOs, model-quality SLOs) side by side: each SLO's budget
/// remaining as a bar (below zero when it is spent), with its SLI, objective, consumed share and the burn-rate alerts
/// that hold in the table under it. Drawn from a <c>lockstep budget --json</c> report.
/// </summary>
internal static class BudgetSection
{
    private static readonly (string Family, string Title)[] Families = [("software", "Software SLOs"), ("model", "Model-quality SLOs")];

    public static string Render(BudgetReport? report)
    {
        if (report is null)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<section id=\"budgets\"><h2>Error budgets, as of ")
            .Append(Html.Text(DashboardFormat.Time(report.AsOf))).Append(" UTC</h2>");
        foreach (var (family, title) in Families)
        {
            html.Append(Panel(family, title, [.. report.Slos.Where(s => s.Family == family)]));
        }

        return html.Append("</section>").ToString();
    }

    private static string Panel(string family, string title, List<BudgetEntry> slos)
    {
        var id = "budget-" + family;
        if (slos.Count == 0)
        {
            return Figure.Empty(id, title, $"{family} SLOs", "in the budget report");
        }

        var remaining = slos.Select(s => s.Remaining * 100).ToList();
        var chart = new XyChart(title, [.. slos.Select(s => s.Id)], wholeNumbers: false, v => Numbers.Format(v) + "%")
            .Bars("budget remaining", family == "software" ? "code" : "model", remaining, (i, v) => $"{slos[i].Id}: {Numbers.Format(v)}% of the budget remains")
            .Reference("budget spent", 0, "limit");
        var table = new DataTable(id + "-table", "SLO", "Objective", "Window", "SLI", "Budget consumed", "Budget remaining", "Alerts holding");
        foreach (var slo in slos)
        {
            var holding = slo.Alerts.Where(a => a.Holds == true).Select(a => $"{a.Severity} ({a.LongWindow} & {a.ShortWindow} at {Numbers.Format(a.Factor)}×)").ToList();
            table.Row(
                slo.Id,
                Cell.Number(slo.Objective, DashboardFormat.Share),
                $"{slo.WindowDays} days, {slo.Budgeting}",
                Cell.Number(slo.Sli, DashboardFormat.Share),
                Cell.Number(slo.Consumed, DashboardFormat.Share),
                Cell.Number(slo.Remaining, DashboardFormat.Share),
                holding.Count > 0 ? string.Join("; ", holding) : "none");
        }

        return Figure.Render(
            id,
            title,
            $"The share of each {family} SLO's error budget left over its rolling window; below zero the budget is spent and the error-budget policy applies.",
            chart,
            table);
    }
}
