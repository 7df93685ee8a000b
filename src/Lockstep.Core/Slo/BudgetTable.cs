using System.Globalization;

namespace Lockstep.Core.Slo;

/// <summary>
/// The budget report as a table, the same for the markdown and the console: software SLOs, then model SLOs, one row
/// each, and a line per family saying how many are within budget. Empty figures (no data) read "—".
/// </summary>
public static class BudgetTable
{
    public static IReadOnlyList<string> Header { get; } =
        ["Family", "SLO", "Objective", "Window", "SLI", "Consumed", "Remaining", "Left", "Burn 1h", "Burn 6h", "Burn 3d", "Alerts"];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(BudgetReport report) =>
        Ordered(report).Select(Row).ToList();

    /// <summary>Per family: <c>software: 1 of 2 SLOs within budget</c> (an SLO without data is not within budget), or <c>model: no SLOs</c>.</summary>
    public static IReadOnlyList<string> Summary(BudgetReport report) =>
        Families.Select(family =>
        {
            var slos = report.Slos.Where(s => s.Family == family).ToList();
            if (slos.Count == 0)
            {
                return $"{family}: no SLOs";
            }

            var within = slos.Count(s => s.Remaining >= 0);
            var noData = slos.Count(s => s.Remaining is null);
            var note = noData > 0 ? $", {noData} without data" : string.Empty;
            return $"{family}: {within} of {slos.Count} {(slos.Count == 1 ? "SLO" : "SLOs")} within budget{note}";
        }).ToList();

    private static readonly string[] Families = ["software", "model"];

    private static IEnumerable<BudgetEntry> Ordered(BudgetReport report) =>
        report.Slos.OrderBy(s => Array.IndexOf(Families, s.Family)).ThenBy(s => s.Id, StringComparer.Ordinal);

    private static string[] Row(BudgetEntry e) =>
    [
        e.Family,
        e.Id,
        Percent(e.Objective),
        $"{e.WindowDays}d {(e.Slice is { } slice ? $"{slice} slices" : "events")}",
        e.Sli is { } sli ? Percent(sli) : "—",
        e.Consumed is { } consumed ? Percent(consumed) : "—",
        e.Remaining is { } remaining ? Percent(remaining) : "—",
        Left(e),
        Rate(e, "1h"),
        Rate(e, "6h"),
        Rate(e, "3d"),
        Alerts(e),
    ];

    public static string Percent(double share) => Numbers.Format(Math.Round(share * 100, 3)) + "%";

    /// <summary>What is left of the budget in events, or in time for timeslices.</summary>
    private static string Left(BudgetEntry e)
    {
        if (e.Total <= 0)
        {
            return "—";
        }

        if (e.RemainingSeconds is { } seconds)
        {
            var hours = seconds / 3600;
            return Math.Abs(hours) >= 48
                ? Numbers.Format(Math.Round(hours / 24, 2)) + " days"
                : Numbers.Format(Math.Round(hours, 2)) + " h";
        }

        return Numbers.Format(Math.Round(e.RemainingBad, 2)) + " events";
    }

    private static string Rate(BudgetEntry e, string window) =>
        e.BurnRates.GetValueOrDefault(window) is { } rate ? Numbers.Format(Math.Round(rate, 2)) + "×" : "—";

    private static string Alerts(BudgetEntry e)
    {
        var holding = e.Alerts.Where(a => a.Holds == true)
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Severity} ({a.LongWindow} & {a.ShortWindow} ≥ {Numbers.Format(a.Factor)}×)"))
            .ToList();
        return holding.Count > 0 ? string.Join(", ", holding)
            : e.Alerts.Any(a => a.Holds is null) ? "— (some windows without data)"
            : "none";
    }
}
