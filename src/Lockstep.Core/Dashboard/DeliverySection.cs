using System.Text;
using Lockstep.Core.Dashboard.Svg;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// The delivery family for both lanes, overlaid: the DORA table, deployment frequency, lead time, the model lane's
/// stage strip, the rolling change failure rate and time to restore.
/// </summary>
internal static class DeliverySection
{
    private const string Code = "code", Model = "model";

    public static string Render(DashboardInput input)
    {
        var code = input.Timeline.Single(l => l.Lane == Lane.Code);
        var model = input.Timeline.Single(l => l.Lane == Lane.Model);
        var html = new StringBuilder("<section id=\"delivery\"><h2>Delivery: code and model lanes</h2>");
        html.Append("<p class=\"gap\">").Append(Html.Text(LaneGap.Describe(input.Dora))).Append("</p>");
        html.Append("<h3>DORA metrics, the last ").Append(input.Dora.WindowDays).Append(" days against the ").Append(input.Dora.WindowDays)
            .Append(" before</h3>").Append(DoraTable.Render(input.Dora)).Append(DrillTable.Render(input.Dora));
        html.Append(Frequency(code, model))
            .Append(LeadTime(code, model))
            .Append(StageStrips.Figure(model.Stages, input.Dora.Lanes.Single(l => l.Lane == Lane.Model).Stages))
            .Append(ChangeFailureRate(code, model, input.Dora.WindowDays))
            .Append(Restore(code, model));
        return html.Append("</section>").ToString();
    }

    private static string Unit(LaneTimeline lane) => lane.BucketDays == 7 ? "week" : "day";

    private static string Frequency(LaneTimeline code, LaneTimeline model)
    {
        var labels = code.Deployments.Select(b => DashboardFormat.Day(b.Start)).ToList();
        string Tip(string lane, int i, double v) => $"{lane}, {Bucket(code, i)}: {v:0} deployments";
        var chart = new XyChart("Deployments per " + Unit(code), labels, wholeNumbers: true, DashboardFormat.Count)
            .Bars(Code, Code, Counts(code), (i, v) => Tip(Code, i, v))
            .Bars(Model, Model, Counts(model), (i, v) => Tip(Model, i, v));
        var table = new DataTable("deploy-frequency-table", Unit(code) == "week" ? "Week of" : "Day", "Code", "Model");
        for (var i = 0; i < labels.Count; i++)
        {
            table.Row(DashboardFormat.Date(code.Deployments[i].Start), Cell.Number(code.Deployments[i].Count, DashboardFormat.Count), Cell.Number(model.Deployments[i].Count, DashboardFormat.Count));
        }

        return Figure.Render(
            "deploy-frequency",
            $"Deployment frequency, per {Unit(code)}: {Span(code)}",
            "Production deployments that reached their environment, code (blue) and model (orange) side by side.",
            chart,
            table);
    }

    private static string LeadTime(LaneTimeline code, LaneTimeline model)
    {
        var labels = code.LeadTimes.Select(b => DashboardFormat.Day(b.Start)).ToList();
        string Tip(string what, int i, double v) => $"{what}, {Bucket(code, i)}: {DashboardFormat.Hours(v)}";
        var chart = new XyChart("Lead time for changes", labels, wholeNumbers: false, DashboardFormat.Hours)
            .Line("code, median", Code, code.LeadTimes.Select(b => b.MedianHours).ToList(), (i, v) => Tip("code median", i, v))
            .Line("code, P95", Code, code.LeadTimes.Select(b => b.P95Hours).ToList(), (i, v) => Tip("code P95", i, v), dashed: true)
            .Line("model, median", Model, model.LeadTimes.Select(b => b.MedianHours).ToList(), (i, v) => Tip("model median", i, v))
            .Line("model, P95", Model, model.LeadTimes.Select(b => b.P95Hours).ToList(), (i, v) => Tip("model P95", i, v), dashed: true);
        var table = new DataTable("lead-time-table", Unit(code) == "week" ? "Week of" : "Day", "Code commits", "Code median", "Code P95", "Model commits", "Model median", "Model P95");
        for (var i = 0; i < labels.Count; i++)
        {
            var (c, m) = (code.LeadTimes[i], model.LeadTimes[i]);
            table.Row(
                DashboardFormat.Date(c.Start),
                Cell.Number(c.Commits, DashboardFormat.Count),
                Cell.Number(c.MedianHours, DashboardFormat.Hours),
                Cell.Number(c.P95Hours, DashboardFormat.Hours),
                Cell.Number(m.Commits, DashboardFormat.Count),
                Cell.Number(m.MedianHours, DashboardFormat.Hours),
                Cell.Number(m.P95Hours, DashboardFormat.Hours));
        }

        return Figure.Render(
            "lead-time",
            $"Lead time for changes, per {Unit(code)}: {Span(code)}",
            "From commit to the production deployment that brought it: the median (solid) and P95 (dashed) of the commits deployed in each period.",
            chart,
            table);
    }

    private static string ChangeFailureRate(LaneTimeline code, LaneTimeline model, int windowDays)
    {
        // Per week, the rate on each week's last day: the trailing window already spans the week.
        var rows = Enumerable.Range(0, code.RollingChangeFailureRate.Count)
            .Where(i => (i + 1) % code.BucketDays == 0)
            .Select(i => (Day: code.RollingChangeFailureRate[i].Day, Code: code.RollingChangeFailureRate[i].Rate, Model: model.RollingChangeFailureRate[i].Rate))
            .ToList();
        string Tip(string lane, int i, double v) => $"{lane}, {DashboardFormat.Date(rows[i].Day)}: {DashboardFormat.Share(v / 100)}";
        var chart = new XyChart("Change failure rate", [.. rows.Select(r => DashboardFormat.Day(r.Day))], wholeNumbers: false, v => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%")
            .Line(Code, Code, [.. rows.Select(r => r.Code * 100)], (i, v) => Tip(Code, i, v))
            .Line(Model, Model, [.. rows.Select(r => r.Model * 100)], (i, v) => Tip(Model, i, v));
        var table = new DataTable("change-failure-rate-table", "Day", "Code", "Model");
        foreach (var row in rows)
        {
            table.Row(DashboardFormat.Date(row.Day), Cell.Number(row.Code, DashboardFormat.Share), Cell.Number(row.Model, DashboardFormat.Share));
        }

        return Figure.Render(
            "change-failure-rate",
            $"Change failure rate over the trailing {windowDays} days{(code.BucketDays == 7 ? ", at each week's end" : string.Empty)}: {DashboardFormat.Range(rows[0].Day, rows[^1].Day)}",
            $"On each {(code.BucketDays == 7 ? "week's last day" : "day")}, the share of the lane's production deployments in the {windowDays} days ending that day that were rolled back or caused an incident.",
            chart,
            table);
    }

    private static string Restore(LaneTimeline code, LaneTimeline model)
    {
        var restores = code.Restores.Select(r => (Lane: Code, r)).Concat(model.Restores.Select(r => (Lane: Model, r)))
            .OrderBy(x => x.r.OpenedAt).ThenBy(x => x.r.Incident, StringComparer.Ordinal).ToList();
        if (restores.Count == 0)
        {
            return Figure.Empty("time-to-restore", "Time to restore", "restored incidents");
        }

        var labels = restores.Select(x => DashboardFormat.Day(DateOnly.FromDateTime(x.r.OpenedAt.UtcDateTime))).ToList();
        string Tip(int i, double v) => $"{restores[i].Lane} incident {restores[i].r.Incident}, opened {DashboardFormat.Time(restores[i].r.OpenedAt)}: restored in {DashboardFormat.Hours(v)}";
        var chart = new XyChart("Time to restore", labels, wholeNumbers: false, DashboardFormat.Hours)
            .Points(Code, Code, restores.Select(x => x.Lane == Code ? x.r.Hours : (double?)null).ToList(), Tip)
            .Points(Model, Model, restores.Select(x => x.Lane == Model ? x.r.Hours : (double?)null).ToList(), Tip);
        var table = new DataTable("time-to-restore-table", "Incident", "Lane", "Opened (UTC)", "Time to restore");
        foreach (var (lane, restore) in restores)
        {
            table.Row(restore.Incident, lane, DashboardFormat.Time(restore.OpenedAt), Cell.Number(restore.Hours, DashboardFormat.Hours));
        }

        return Figure.Render(
            "time-to-restore",
            "Time to restore, per incident",
            "Each restored incident opened in the period, by the day it opened: how long its lane took to restore service.",
            chart,
            table);
    }

    private static List<double?> Counts(LaneTimeline lane) => [.. lane.Deployments.Select(b => (double?)b.Count)];

    private static string Bucket(LaneTimeline lane, int i) =>
        lane.BucketDays == 7 ? "week of " + DashboardFormat.Date(lane.Deployments[i].Start) : DashboardFormat.Date(lane.Deployments[i].Start);

    private static string Span(LaneTimeline lane) =>
        DashboardFormat.Range(lane.First, lane.First.AddDays((lane.Deployments.Count * lane.BucketDays) - 1));
}
