using System.Globalization;
using System.Text.Json;
using Lockstep.AzureDevOps.Rest;
using Lockstep.Core.Alerts;
using Lockstep.Core.Platform;

namespace Lockstep.AzureDevOps;

/// <summary>
/// Monitor alerts on Azure DevOps: one work item per report id and cause, found by WIQL (tag, type, not resolved) and
/// its marker; a raise creates it (remediation pending), queues the retraining pipeline's run with the alert as
/// template parameters and marks it started; later runs add the figures as a history comment while it fires, and set
/// the resolved state with the figures once it recovers. A work item whose remediation never started (the queue
/// failed) gets it on the next firing run instead of a second work item.
/// </summary>
public sealed class AzureDevOpsAlertSink : IAlertSink, IDisposable
{
    // The permissions each call needs, as the security pages name them, for the message of a 403.
    private const string ReadWorkItems = "View work items in this node";
    private const string WriteWorkItems = "Edit work items in this node";
    private const string QueueBuilds = "Queue builds";
    private const string ReadPipelines = "View build pipeline";

    private const int WorkItemBatch = 200;

    private readonly AzureDevOpsClient client;
    private readonly AzureDevOpsAlertTarget target;

    public AzureDevOpsAlertSink(AzureDevOpsSettings settings, AzureDevOpsAlertTarget target, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Tags.Count == 0)
        {
            throw new ArgumentException("an incident work item needs at least one tag", nameof(target));
        }

        client = new AzureDevOpsClient(settings, transport);
        this.target = target;
    }

    public string Name => "azure-devops";

    /// <summary>Requests sent so far, retries not counted.</summary>
    public int Requests => client.Requests;

    public async Task<AlertResult> SyncAsync(MonitorAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);

        // A create or a queued run answered with a 5xx, or not at all, may have been carried out: the whole exchange
        // runs again, and since it starts by looking for the open work item and reading its marker, it never opens a
        // second one.
        try
        {
            return await client.RepeatAsync(() => SyncOnceAsync(alert, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (AzureDevOpsException e)
        {
            throw new PullRequestHostException(
                $"Lockstep alert '{alert.ReportId}' ({AlertMarker.CauseName(alert.Cause)}) not synced on {client.Settings.Project}: {e.Message}", e);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<AlertResult> SyncOnceAsync(MonitorAlert alert, CancellationToken ct)
    {
        var open = await FindAsync(alert, ct).ConfigureAwait(false);
        switch (AlertDecision.Decide(alert.Firing, open?.Stamp))
        {
            case AlertStep.Raise:
                var description = AlertWorkItemText.Description(new AlertStamp(alert.ReportId, alert.Cause, RemediationStarted: false), alert.Figures);
                var created = await client.PatchWorkItemAsync(
                    HttpMethod.Post,
                    client.Api($"wit/workitems/${Uri.EscapeDataString(target.WorkItemType)}"),
                    [
                        Add("System.Title", AlertFigures.Title(alert)),
                        Add("System.Description", description),
                        Add("System.Tags", string.Join("; ", target.Tags)),
                    ],
                    WriteWorkItems,
                    ct).ConfigureAwait(false);
                return await StartRemediationAsync(alert, created.Id, description, ct).ConfigureAwait(false);
            case AlertStep.StartRemediation:
                return await StartRemediationAsync(alert, open!.Id, open.Description, ct).ConfigureAwait(false);
            case AlertStep.Update:
                await EditAsync(open!.Id, [Add("System.History", AlertWorkItemText.Comment(alert.Figures))], ct).ConfigureAwait(false);
                return new AlertResult(AlertChange.Updated, Url(open.Id));
            case AlertStep.Resolve:
                await EditAsync(
                    open!.Id,
                    [Add("System.State", target.ResolvedState), Add("System.History", AlertWorkItemText.Comment(alert.Figures))],
                    ct).ConfigureAwait(false);
                return new AlertResult(AlertChange.Resolved, Url(open.Id));
            default:
                return new AlertResult(AlertChange.Quiet, null);
        }
    }

    /// <summary>Queues the retraining run, then marks the work item started: a failed queue leaves it pending for the next run.</summary>
    private async Task<AlertResult> StartRemediationAsync(MonitorAlert alert, int workItem, string description, CancellationToken ct)
    {
        var pipeline = await PipelineIdAsync(ct).ConfigureAwait(false);
        var parameters = new RunPipelineParameters(
            RemediationPayload.TemplateParameters(alert, Url(workItem)),
            target.Branch is { } branch ? new RunResources(new Dictionary<string, RepositoryRef> { ["self"] = new(branch) }) : null);
        var run = await client.SendAsync(
            HttpMethod.Post,
            client.Api($"pipelines/{Number(pipeline)}/runs"),
            parameters,
            AzureDevOpsJson.Default.RunPipelineParameters,
            AzureDevOpsJson.Default.PipelineRun,
            QueueBuilds,
            repeatable: false,
            ct).ConfigureAwait(false);
        await EditAsync(workItem, [Add("System.Description", AlertWorkItemText.MarkStarted(description))], ct).ConfigureAwait(false);
        var runUrl = run.Links?.Web?.Href ?? client.Web($"_build/results?buildId={Number(run.Id)}").AbsoluteUri;
        return new AlertResult(AlertChange.Raised, Url(workItem), runUrl);
    }

    /// <summary>The pipeline's id: the target when it is a number, else the pipeline of that name, reading every page.</summary>
    private async Task<int> PipelineIdAsync(CancellationToken ct)
    {
        if (int.TryParse(target.Pipeline, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        var pipelines = await client.GetAllAsync(
            token => client.Api("pipelines", [("$top", "100"), ("continuationToken", token)]),
            AzureDevOpsJson.Default.ListOfPipelineReference,
            ReadPipelines,
            ct).ConfigureAwait(false);
        return pipelines.FirstOrDefault(p => string.Equals(p.Name, target.Pipeline, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new AzureDevOpsException($"no pipeline '{target.Pipeline}' in project '{client.Settings.Project}' (Pipelines → All).", AzureDevOpsFailure.NotFound);
    }

    /// <summary>The oldest unresolved work item of the tag and type whose description starts with this alert's marker.</summary>
    private async Task<OpenWorkItem?> FindAsync(MonitorAlert alert, CancellationToken ct)
    {
        var result = await client.SendAsync(
            HttpMethod.Post,
            client.Api("wit/wiql"),
            new Wiql(Query()),
            AzureDevOpsJson.Default.Wiql,
            AzureDevOpsJson.Default.WiqlResult,
            ReadWorkItems,
            repeatable: true,
            ct).ConfigureAwait(false);
        foreach (var chunk in (result.WorkItems ?? []).Select(w => w.Id).Order().Chunk(WorkItemBatch))
        {
            var items = await client.GetAsync(
                client.Api("wit/workitems", [("ids", string.Join(',', chunk.Select(Number))), ("fields", "System.Id,System.Description"), ("errorPolicy", "omit")]),
                AzureDevOpsJson.Default.ListOfWorkItem,
                ReadWorkItems,
                ct).ConfigureAwait(false);
            foreach (var item in (items.Value ?? []).Where(i => i is not null).OrderBy(i => i.Id))
            {
                var description = item.Fields?.GetValueOrDefault("System.Description") is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
                if (AlertWorkItemText.TryRead(description, out var stamp) && stamp.ReportId == alert.ReportId && stamp.Cause == alert.Cause)
                {
                    return new OpenWorkItem(item.Id, description!, stamp);
                }
            }
        }

        return null;
    }

    private string Query() =>
        "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project"
        + $" AND [System.Tags] CONTAINS {Literal(target.Tags[0])}"
        + $" AND [System.WorkItemType] = {Literal(target.WorkItemType)}"
        + $" AND [System.State] <> {Literal(target.ResolvedState)}"
        + " ORDER BY [System.Id]";

    private Task<WorkItem> EditAsync(int id, IReadOnlyList<JsonPatchOperation> operations, CancellationToken ct) =>
        client.PatchWorkItemAsync(HttpMethod.Patch, client.Api($"wit/workitems/{Number(id)}"), operations, WriteWorkItems, ct);

    private string Url(int workItem) => client.Web($"_workitems/edit/{Number(workItem)}").AbsoluteUri;

    private static JsonPatchOperation Add(string field, string value) => new("add", $"/fields/{field}", value);

    /// <summary>A WIQL string literal: single quotes, doubled inside.</summary>
    private static string Literal(string value) => $"'{value.Trim().Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record OpenWorkItem(int Id, string Description, AlertStamp Stamp);
}
