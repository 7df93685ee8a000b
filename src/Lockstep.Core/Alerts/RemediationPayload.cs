using System.Globalization;
using System.Text.Json.Nodes;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Alerts;

/// <summary>
/// What a raise hands the retraining workflow, as agreed with the scaffolded workflows: the <c>client_payload</c> of
/// a GitHub <c>repository_dispatch</c>, and the template parameters (all strings) of an Azure Pipelines run.
/// </summary>
public static class RemediationPayload
{
    /// <summary><c>{ report_id, cause, verdict, action, drifted: [{feature, psi}], run_url, issue_url }</c>.</summary>
    public static JsonObject ClientPayload(MonitorAlert alert, string? issueUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new JsonObject
        {
            ["report_id"] = alert.ReportId,
            ["cause"] = AlertMarker.CauseName(alert.Cause),
            ["verdict"] = ActionWords.Name(alert.Verdict),
            ["action"] = alert.Action is { } action ? ActionWords.Name(action) : null,
            ["drifted"] = new JsonArray(alert.Drifted.Select(f => (JsonNode?)new JsonObject { ["feature"] = f.Feature, ["psi"] = f.Psi }).ToArray()),
            ["run_url"] = alert.RunUrl,
            ["issue_url"] = issueUrl,
        };
    }

    /// <summary><c>{ reportId, cause, verdict, action, features ("name=psi,…", most drifted first), runUrl, workItemUrl }</c>; absent values are empty strings.</summary>
    public static IReadOnlyDictionary<string, string> TemplateParameters(MonitorAlert alert, string? workItemUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reportId"] = alert.ReportId,
            ["cause"] = AlertMarker.CauseName(alert.Cause),
            ["verdict"] = ActionWords.Name(alert.Verdict),
            ["action"] = alert.Action is { } action ? ActionWords.Name(action) : string.Empty,
            ["features"] = string.Join(',', alert.Drifted.Select(f => $"{f.Feature}={f.Psi.ToString("R", CultureInfo.InvariantCulture)}")),
            ["runUrl"] = alert.RunUrl ?? string.Empty,
            ["workItemUrl"] = workItemUrl ?? string.Empty,
        };
    }
}
