using System.Globalization;
using System.Text;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Alerts;

/// <summary>
/// The words of an incident: its title, and the figures of one run (the cause's gates with value, limit and status,
/// the drifted features with their PSI, the run's link) that open the incident, follow up on it and close it.
/// </summary>
public static class AlertFigures
{
    /// <summary>For example <c>Lockstep monitor: drift breached (rollback) — churn</c>.</summary>
    public static string Title(MonitorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var action = alert.Action is { } a ? $" ({ActionWords.Name(a)})" : string.Empty;
        return $"Lockstep monitor: {AlertMarker.CauseName(alert.Cause)} breached{action} — {alert.ReportId}";
    }

    public static string Markdown(MonitorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var text = new StringBuilder();
        var cause = AlertMarker.CauseName(alert.Cause);
        var state = alert.Firing
            ? $"**{cause} breached**" + (alert.Action is { } action ? $", action `{ActionWords.Name(action)}`" : string.Empty)
            : $"**{cause} recovered**";
        text.Append(state).Append(" — monitor verdict `").Append(ActionWords.Name(alert.Verdict)).Append("`, measured ")
            .Append(alert.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append('.').Append('\n');
        if (alert.Gates.Count > 0)
        {
            text.Append('\n').Append("| Gate | Metric | Value | Limit | Status |\n|---|---|---:|---:|---|\n");
            foreach (var gate in GateRows.InReadingOrder(alert.Gates))
            {
                var metric = gate.Slice is null ? gate.Metric : $"{gate.Metric} [{gate.Slice}]";
                text.Append("| ").Append(MarkdownText.Code(gate.Id))
                    .Append(" | ").Append(MarkdownText.Code(metric))
                    .Append(" | ").Append(gate.Candidate is { } value ? Numbers.Format(value) : "—")
                    .Append(" | ").Append(MarkdownText.Cell(gate.Bound))
                    .Append(" | ").Append(ActionWords.Name(gate.Status))
                    .Append(" |\n");
            }
        }

        if (alert.Drifted.Count > 0)
        {
            text.Append('\n').Append("| Drifted feature | PSI |\n|---|---:|\n");
            foreach (var feature in alert.Drifted)
            {
                text.Append("| ").Append(MarkdownText.Code(feature.Feature)).Append(" | ").Append(Numbers.Format(feature.Psi)).Append(" |\n");
            }
        }

        if (alert.RunUrl is { } run)
        {
            text.Append('\n').Append("[The monitor run](").Append(run).Append(")\n");
        }

        return text.ToString();
    }
}
