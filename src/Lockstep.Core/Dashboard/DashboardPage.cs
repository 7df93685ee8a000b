using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// The dashboard: one self-contained HTML page (inline style, SVG drawn here, no script, nothing fetched) with both
/// signal families: delivery for the code and model lanes, and the model-quality signals.
/// </summary>
public static class DashboardPage
{
    public static string Render(DashboardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var last = DateOnly.FromDateTime(input.AsOf.UtcDateTime.AddTicks(-1));
        var first = last.AddDays(1 - input.SpanDays);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>Lockstep dashboard, as of ").Append(DashboardFormat.Time(input.AsOf)).Append(" UTC</title>")
            .Append("<style>").Append(DashboardStyle.Css).Append("</style></head><body>");
        html.Append("<header><h1>Lockstep: delivery and model quality</h1><p>")
            .Append(CultureInfo.InvariantCulture, $"As of {DashboardFormat.Time(input.AsOf)} UTC, the {input.SpanDays} days {DashboardFormat.Range(first, last)}. ")
            .Append(Html.Text(Headline(input)))
            .Append("</p><nav><a href=\"#delivery\">Delivery</a> · <a href=\"#model-quality\">Model quality</a>")
            .Append(input.Budget is null ? string.Empty : " · <a href=\"#budgets\">Error budgets</a>")
            .Append("</nav></header><main>");
        html.Append(DeliverySection.Render(input)).Append(ModelQualitySection.Render(input)).Append(BudgetSection.Render(input.Budget));
        html.Append("</main><footer>")
            .Append(CultureInfo.InvariantCulture, $"Drawn by {Html.Text(input.Product)} from {DashboardFormat.Count(input.Dora.Lanes.Sum(l => l.Current.Deployments + l.Previous.Deployments), "deployment")} in the DORA windows, {DashboardFormat.Count(input.Metrics.Count, "metric fact")} and {DashboardFormat.Count(input.Gates.Select(g => g.Run).Distinct().Count(), "gate run")}. ")
            .Append("Levels are DORA 2024 clusters. Every chart's numbers are in the table under it.</footer></body></html>\n");
        return html.ToString();
    }

    private static string Headline(DashboardInput input)
    {
        var latest = input.Gates.GroupBy(g => g.Run, StringComparer.Ordinal).Select(g => g.First()).MaxBy(g => g.At);
        var verdict = latest is null
            ? "No gate run is recorded in this period."
            : $"Latest gate run ({DashboardFormat.Time(latest.At)}{(latest.Version is { } v ? ", model " + v : string.Empty)}): {Word(latest.Verdict)}.";
        var lanes = input.Dora.Lanes.Select(l => $"{(l.Lane == Lane.Code ? "code" : "model")} {DashboardFormat.Count(l.Current.Deployments, "deployment")} ({DeliverySummary.LaneLevel(l.Current).ToString().ToLowerInvariant()})").ToList();
        return $"{verdict} Last {input.Dora.WindowDays} days: {string.Join(", ", lanes)}; a lane's level is the lowest DORA 2024 level of its four key metrics.";
    }

    private static string Word(Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
