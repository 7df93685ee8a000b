using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Slo;

/// <summary>
/// The weekly error-budget review: software and model SLOs side by side, the share of each window's budget the last
/// seven days burned against the seven days before, the SLOs out of budget, and the deployments and incidents of the
/// matching lane (software → code, model → model) in the week that burned them.
/// </summary>
public static class BudgetReview
{
    private const int Week = 7;

    /// <summary>One SLO at the review: its budget now and a week ago, and how much of each window's budget each week burned.</summary>
    /// <param name="BurnedThisWeek">Bad events (or slices) of the last 7 days over the budget of the window ending now.</param>
    /// <param name="BurnedLastWeek">The same for the 7 days before, over the window ending a week ago.</param>
    public sealed record Entry(SloBudget Now, SloBudget WeekAgo, double? BurnedThisWeek, double? BurnedLastWeek);

    public static Entry Review(SloDefinition slo, IReadOnlyList<SliSample> samples, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var weekAgo = asOf.AddDays(-Week);
        var now = BudgetCalculator.Compute(slo, samples, asOf);
        var before = BudgetCalculator.Compute(slo, samples, weekAgo);
        var week = slo with { WindowDays = Week };
        double? Burned(SloBudget window, DateTimeOffset end) =>
            window.AllowedBad > 0 ? BudgetCalculator.Compute(week, samples, end).Bad / window.AllowedBad : null;
        return new Entry(now, before, Burned(now, asOf), Burned(before, weekAgo));
    }

    public static string Markdown(DateTimeOffset asOf, IReadOnlyList<Entry> entries, IReadOnlyList<DeliveryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(events);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Error-budget review: the week to {asOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC").AppendLine().AppendLine();
        md.AppendLine("| Family | SLO | Objective | SLI over the window | Budget remaining | Burned this week | Burned the week before |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|");
        foreach (var entry in entries.OrderBy(e => e.Now.Slo.Family).ThenBy(e => e.Now.Slo.Id, StringComparer.Ordinal))
        {
            var slo = entry.Now.Slo;
            md.Append(CultureInfo.InvariantCulture, $"| {Family(slo.Family)} | `{slo.Id}` | {Share(slo.Objective)} | {Share(entry.Now.Sli)} | {Share(entry.Now.Remaining)} | {Share(entry.BurnedThisWeek)} | {Share(entry.BurnedLastWeek)} |").AppendLine();
        }

        var spent = entries.Where(e => e.Now.Remaining < 0).ToList();
        md.AppendLine().AppendLine("### Out of budget").AppendLine();
        if (spent.Count == 0)
        {
            md.AppendLine("No SLO is out of budget.");
        }

        var from = asOf.AddDays(-Week);
        foreach (var entry in spent)
        {
            var slo = entry.Now.Slo;
            var lane = slo.Family == SloFamily.Software ? Lane.Code : Lane.Model;
            var deployments = events.OfType<Deployment>().Where(d => d.Lane == lane && d.FinishedAt > from && d.FinishedAt <= asOf).ToList();
            var incidents = events.OfType<Incident>().Where(i => i.Lane == lane && i.OpenedAt > from && i.OpenedAt <= asOf).ToList();
            md.Append(CultureInfo.InvariantCulture, $"- `{slo.Id}` ({Family(slo.Family)}): {Share(entry.Now.Remaining)} of the budget remains; this week burned {Share(entry.BurnedThisWeek)}. ")
                .Append(CultureInfo.InvariantCulture, $"The {(lane == Lane.Code ? "code" : "model")} lane this week: {deployments.Count} deployment{(deployments.Count == 1 ? string.Empty : "s")}")
                .Append(deployments.Count > 0 ? " (" + string.Join(", ", deployments.Select(d => $"`{d.Id}`{(d.Status == DeploymentStatus.RolledBack ? " rolled back" : string.Empty)}")) + ")" : string.Empty)
                .Append(CultureInfo.InvariantCulture, $", {incidents.Count} incident{(incidents.Count == 1 ? string.Empty : "s")}")
                .Append(incidents.Count > 0 ? " (" + string.Join(", ", incidents.Select(i => $"`{i.Id}`{(i.ResolvedAt is null ? " open" : string.Empty)}")) + ")" : string.Empty)
                .AppendLine(".");
        }

        return md.ToString();
    }

    private static string Family(SloFamily family) => family == SloFamily.Software ? "software" : "model";

    private static string Share(double? share) => share is { } s ? BudgetTable.Percent(s) : "—";
}
