using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Lockstep.Core.Slo;

/// <summary>
/// The multiwindow, multi-burn-rate rules of the SRE workbook (chapter 5, "Alerting on SLOs") for Prometheus, in the
/// shape Sloth and Pyrra write: per SLO one rule group with recording rules for the error ratio over each alert
/// window (<c>slo:sli_error:ratio_rate5m</c> … <c>slo:sli_error:ratio_rate3d</c>, labelled <c>slo_id</c>), the
/// SLO's objective, error budget and window as <c>slo:objective:ratio</c>, <c>slo:error_budget:ratio</c> and
/// <c>slo:time_period:days</c>, and two alerts named <c>SloErrorBudgetBurn</c>: <c>page</c> when the error ratio is
/// above 14.4 × the budget over 1 h and 5 min, or above 6 × over 6 h and 30 min; <c>ticket</c> when above 1 × over
/// 3 d and 6 h. The error ratio is 1 − good / total of the counters' rates; no good series counts as no good events.
/// </summary>
public static partial class PrometheusRules
{
    /// <summary>One alert condition: the error ratio above <see cref="Factor"/> × the budget over both windows.</summary>
    public sealed record BurnAlert(string Severity, string LongWindow, string ShortWindow, double Factor);

    /// <summary>The workbook's pairs: 2% of a 30-day budget in 1 h, 5% in 6 h (page); 10% in 3 days (ticket).</summary>
    public static IReadOnlyList<BurnAlert> Alerts { get; } =
    [
        new("page", "1h", "5m", 14.4),
        new("page", "6h", "30m", 6),
        new("ticket", "3d", "6h", 1),
    ];

    /// <summary>The windows whose error ratio is recorded, shortest first.</summary>
    public static IReadOnlyList<string> Windows { get; } = ["5m", "30m", "1h", "6h", "3d"];

    /// <summary>The recording rule's name for a window: <c>slo:sli_error:ratio_rate5m</c>.</summary>
    public static string ErrorRatioRecord(string window) => $"slo:sli_error:ratio_rate{window}";

    /// <summary>The rules file (Prometheus' <c>groups:</c> YAML) for <paramref name="slos"/>, one group each.</summary>
    /// <exception cref="ArgumentException">An id that is not a plain name, an objective outside (0, 1), a window under a day, an empty query, or an id twice.</exception>
    public static string Write(IReadOnlyList<PrometheusRuleSlo> slos)
    {
        ArgumentNullException.ThrowIfNull(slos);
        var text = new StringBuilder();
        text.Append("# Multiwindow, multi-burn-rate SLO rules (Google SRE workbook, \"Alerting on SLOs\"), written by lockstep.\n");
        text.Append(slos.Count == 0 ? "groups: []\n" : "groups:\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slo in slos)
        {
            Check(slo);
            if (!seen.Add(slo.Id))
            {
                throw new ArgumentException($"slo {slo.Id}: the id appears twice", nameof(slos));
            }

            Group(text, slo);
        }

        return text.ToString();
    }

    /// <summary>The error budget as PromQL writes it: 1 − objective, exact in decimal (0.995 → 0.005).</summary>
    public static string Budget(double objective) => Number(1m - (decimal)objective);

    private static void Group(StringBuilder text, PrometheusRuleSlo slo)
    {
        var budget = Budget(slo.Objective);
        text.Append(CultureInfo.InvariantCulture, $"  - name: lockstep-slo-{slo.Id}\n");
        text.Append("    rules:\n");
        foreach (var window in Windows)
        {
            Rule(text, "record", ErrorRatioRecord(window), ErrorRatio(slo, window), slo.Id);
        }

        Rule(text, "record", "slo:objective:ratio", $"vector({Number((decimal)slo.Objective)})", slo.Id);
        Rule(text, "record", "slo:error_budget:ratio", $"vector({budget})", slo.Id);
        Rule(text, "record", "slo:time_period:days", string.Create(CultureInfo.InvariantCulture, $"vector({slo.WindowDays})"), slo.Id);
        foreach (var severity in Alerts.Select(a => a.Severity).Distinct())
        {
            var conditions = Alerts.Where(a => a.Severity == severity).ToList();
            var expr = string.Join("\nor\n", conditions.Select(a => Condition(slo.Id, a, budget)));
            Rule(text, "alert", "SloErrorBudgetBurn", expr, slo.Id, severity);
            var what = string.Join(" or ", conditions.Select(a => string.Create(CultureInfo.InvariantCulture, $"{Number((decimal)a.Factor)}x over {a.LongWindow} and {a.ShortWindow}")));
            text.Append("        annotations:\n");
            text.Append(CultureInfo.InvariantCulture, $"          summary: \"SLO {slo.Id} burns its error budget at {what}\"\n");
            text.Append(CultureInfo.InvariantCulture, $"          description: \"Error ratio above the burn rate times the budget ({budget}) of a {Number((decimal)slo.Objective * 100m)}% objective over {slo.WindowDays} days.\"\n");
        }
    }

    private static void Rule(StringBuilder text, string kind, string name, string expr, string id, string? severity = null)
    {
        text.Append(CultureInfo.InvariantCulture, $"      - {kind}: {name}\n");
        text.Append("        expr: |-\n");
        foreach (var line in expr.Split('\n'))
        {
            text.Append("          ").Append(line.TrimEnd()).Append('\n');
        }

        text.Append("        labels:\n");
        text.Append(CultureInfo.InvariantCulture, $"          slo_id: \"{id}\"\n");
        if (severity is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"          severity: {severity}\n");
        }
    }

    /// <summary>
    /// The error ratio over a window: <c>1 - ((sum(rate(good[w])) or vector(0)) / sum(rate(total[w])))</c>. The
    /// <c>or vector(0)</c> is there because a sum over no good series is absent, and an outage with no good events must still alert.
    /// </summary>
    public static string ErrorRatio(PrometheusRuleSlo slo, string window)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return $"1 - (\n  (sum(rate({Indented(slo.GoodQuery)}[{window}])) or vector(0))\n  /\n  sum(rate({Indented(slo.TotalQuery)}[{window}]))\n)";
    }

    private static string Condition(string id, BurnAlert alert, string budget)
    {
        var factor = Number((decimal)alert.Factor);
        return $"(\n  {ErrorRatioRecord(alert.LongWindow)}{{slo_id=\"{id}\"}} > ({factor} * {budget})\n  and\n"
            + $"  {ErrorRatioRecord(alert.ShortWindow)}{{slo_id=\"{id}\"}} > ({factor} * {budget})\n)";
    }

    private static string Indented(string query) => query.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\n    ", StringComparison.Ordinal);

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static void Check(PrometheusRuleSlo slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        if (!IdPattern().IsMatch(slo.Id ?? string.Empty))
        {
            throw new ArgumentException($"slo {slo.Id}: id: a rule label needs letters, digits, '-', '_' or '.', starting with a letter or digit", nameof(slo));
        }

        if (!(slo.Objective > 0 && slo.Objective < 1))
        {
            throw new ArgumentException($"slo {slo.Id}: objective: {slo.Objective.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1", nameof(slo));
        }

        if (slo.WindowDays < 1)
        {
            throw new ArgumentException($"slo {slo.Id}: window_days: {slo.WindowDays} is not a positive number of days", nameof(slo));
        }

        if (string.IsNullOrWhiteSpace(slo.GoodQuery) || string.IsNullOrWhiteSpace(slo.TotalQuery))
        {
            throw new ArgumentException($"slo {slo.Id}: the good and the total query are both needed", nameof(slo));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();
}
