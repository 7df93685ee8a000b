using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lockstep.AzureDevOps.Rest;
using Lockstep.Core.Dora;
using Lockstep.Core.Time;

namespace Lockstep.AzureDevOps;

/// <summary>
/// Delivery events (<c>lockstep.events/v1</c>) from an Azure DevOps project: deployments from environment deployment
/// records or from runs of named pipelines, each with the commits its run brought (the build's changes) and, for a
/// squash or merge commit <c>Merged PR n: …</c> of Azure Repos, that pull request's own commits; and incidents from
/// work items of a tag (and type). Lists are read to the end through continuation tokens.
/// </summary>
public sealed partial class AzureDevOpsDeliverySource : IDisposable
{
    // The permissions each read needs, as the security pages name them, for the message of a 403.
    private const string ReadEnvironments = "Reader role on the environment";
    private const string ReadBuilds = "View builds";
    private const string ReadCode = "Read on the repository";
    private const string ReadWorkItems = "View work items in this node";

    private const int PageSize = 100;
    private const int WorkItemBatch = 200;

    private readonly AzureDevOpsClient client;

    public AzureDevOpsDeliverySource(AzureDevOpsSettings settings, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        client = new AzureDevOpsClient(settings, transport);
    }

    /// <summary>Requests sent so far, retries not counted.</summary>
    public int Requests => client.Requests;

    /// <summary>Every event of both lanes since <see cref="DeliverySourceSettings.Since"/>, ordered by time.</summary>
    /// <exception cref="AzureDevOpsException">Azure DevOps refused, kept failing, or lacks a named environment or pipeline.</exception>
    public async Task<IReadOnlyList<DeliveryEvent>> ReadAsync(DeliverySourceSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var events = new List<DeliveryEvent>();
        foreach (var lane in new[] { Lane.Code, Lane.Model })
        {
            foreach (var environment in settings.Environments.GetValueOrDefault(lane) ?? [])
            {
                events.AddRange(await EnvironmentDeploymentsAsync(lane, environment, settings.Since, ct).ConfigureAwait(false));
            }

            foreach (var pipeline in settings.Pipelines.GetValueOrDefault(lane) ?? [])
            {
                events.AddRange(await PipelineDeploymentsAsync(lane, pipeline, settings, ct).ConfigureAwait(false));
            }

            if (settings.IncidentTags.TryGetValue(lane, out var tag))
            {
                events.AddRange(await IncidentsAsync(lane, tag, settings.IncidentType, settings.Since, ct).ConfigureAwait(false));
            }
        }

        return [.. events.OrderBy(Time).ThenBy(e => e.Lane).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public void Dispose() => client.Dispose();

    private async Task<IEnumerable<DeliveryEvent>> EnvironmentDeploymentsAsync(Lane lane, string name, DateTimeOffset since, CancellationToken ct)
    {
        var environments = await client.GetAllAsync(
            token => client.Api("pipelines/environments", [("name", name), ("$top", Number(PageSize)), ("continuationToken", token)], AzureDevOpsClient.EnvironmentsApiVersion),
            AzureDevOpsJson.Default.ListOfEnvironmentInstance,
            ReadEnvironments,
            ct).ConfigureAwait(false);
        var environment = environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new AzureDevOpsException($"no environment '{name}' in project '{client.Settings.Project}' (Pipelines → Environments).", AzureDevOpsFailure.NotFound);

        // Records come newest first: a page that is all older than the horizon is the last one needed.
        var records = await client.GetAllAsync(
            token => client.Api(
                $"pipelines/environments/{Number(environment.Id)}/environmentdeploymentrecords",
                [("top", Number(PageSize)), ("continuationToken", token)],
                AzureDevOpsClient.EnvironmentsApiVersion),
            AzureDevOpsJson.Default.ListOfDeploymentRecord,
            ReadEnvironments,
            ct,
            page => page.Count > 0 && page.All(r => (r.FinishTime ?? r.StartTime) < since)).ConfigureAwait(false);

        var runs = records.Where(r => r.Owner is not null && r.FinishTime is { } finish && finish >= since)
            .GroupBy(r => r.Owner!.Id)
            .Select(run => (Run: run.Key, Records: run.Where(r => r.StageAttempt == run.Max(x => x.StageAttempt)).ToList()))
            .Where(run => run.Records.Any(r => StatusOf(r.Result) is not null))
            .ToList();
        var builds = await BuildsAsync(runs.Select(r => r.Run), ct).ConfigureAwait(false);
        var deployments = new List<DeliveryEvent>();
        foreach (var (run, attempt) in runs)
        {
            var failed = attempt.Any(r => StatusOf(r.Result) == DeploymentStatus.Failure);
            deployments.Add(await DeploymentAsync(
                lane,
                $"{Number(run)}@{environment.Name}",
                environment.Name,
                failed ? DeploymentStatus.Failure : DeploymentStatus.Success,
                attempt.Min(r => r.StartTime ?? r.FinishTime!.Value),
                attempt.Max(r => r.FinishTime!.Value),
                run,
                builds.GetValueOrDefault(run),
                ct).ConfigureAwait(false));
        }

        return deployments;
    }

    private async Task<IEnumerable<DeliveryEvent>> PipelineDeploymentsAsync(Lane lane, string name, DeliverySourceSettings settings, CancellationToken ct)
    {
        var definitions = await client.GetAllAsync(
            token => client.Api("build/definitions", [("name", name), ("continuationToken", token)]),
            AzureDevOpsJson.Default.ListOfDefinitionReference,
            ReadBuilds,
            ct).ConfigureAwait(false);
        var definition = definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new AzureDevOpsException($"no pipeline '{name}' in project '{client.Settings.Project}'.", AzureDevOpsFailure.NotFound);

        var builds = await client.GetAllAsync(
            token => client.Api(
                "build/builds",
                [
                    ("definitions", Number(definition.Id)), ("statusFilter", "completed"), ("queryOrder", "finishTimeDescending"),
                    ("minTime", settings.Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                    ("$top", Number(PageSize)), ("continuationToken", token),
                ]),
            AzureDevOpsJson.Default.ListOfBuild,
            ReadBuilds,
            ct).ConfigureAwait(false);

        var deployments = new List<DeliveryEvent>();
        foreach (var build in builds.Where(b => b.FinishTime is { } finish && finish >= settings.Since))
        {
            if (BuildStatusOf(build.Result) is not { } status)
            {
                continue;
            }

            deployments.Add(await DeploymentAsync(
                lane, Number(build.Id), settings.PipelineEnvironment, status, build.StartTime ?? build.FinishTime!.Value, build.FinishTime!.Value, build.Id, build, ct)
                .ConfigureAwait(false));
        }

        return deployments;
    }

    private async Task<Deployment> DeploymentAsync(
        Lane lane, string id, string environment, DeploymentStatus status, DateTimeOffset created, DateTimeOffset finished, int run, Build? build, CancellationToken ct)
    {
        var changes = await client.GetAllAsync(
            token => client.Api($"build/builds/{Number(run)}/changes", [("$top", Number(PageSize)), ("continuationToken", token)]),
            AzureDevOpsJson.Default.ListOfBuildChange,
            ReadBuilds,
            ct).ConfigureAwait(false);
        var number = changes.Select(c => MergedPullRequest().Match(c.Message ?? string.Empty)).FirstOrDefault(m => m.Success) is { } merged
            ? int.Parse(merged.Groups["number"].Value, CultureInfo.InvariantCulture)
            : (int?)null;
        PullRequestRef? pr = null;
        if (number is { } prNumber)
        {
            var commits = build?.Repository is { Id: { } repository, Type: var type } && string.Equals(type, "TfsGit", StringComparison.OrdinalIgnoreCase)
                ? await PullRequestCommitsAsync(repository, prNumber, ct).ConfigureAwait(false)
                : [];
            pr = new PullRequestRef { Number = prNumber, Commits = commits };
        }

        return new Deployment
        {
            Lane = lane,
            Id = id,
            Environment = environment,
            Sha = build?.SourceVersion,
            Status = status,
            CreatedAt = created.ToUniversalTime(),
            FinishedAt = finished.ToUniversalTime(),

            // A build change carries one time, the author's.
            Commits = changes.Select(c => new CommitRef { Sha = c.Id, AuthoredAt = c.Timestamp?.ToUniversalTime() }).ToList(),
            Pr = pr,
        };
    }

    private async Task<IReadOnlyList<CommitRef>> PullRequestCommitsAsync(string repository, int number, CancellationToken ct)
    {
        var commits = await client.GetAllAsync(
            token => client.Api(
                $"git/repositories/{Uri.EscapeDataString(repository)}/pullRequests/{Number(number)}/commits",
                [("$top", Number(PageSize)), ("continuationToken", token)]),
            AzureDevOpsJson.Default.ListOfGitCommitRef,
            ReadCode,
            ct).ConfigureAwait(false);
        return commits.Select(c => new CommitRef
        {
            Sha = c.CommitId,
            AuthoredAt = c.Author?.Date?.ToUniversalTime(),
            CommittedAt = c.Committer?.Date?.ToUniversalTime(),
        }).ToList();
    }

    /// <summary>The runs' builds (source version, repository), 100 ids a request; a deleted build is simply missing.</summary>
    private async Task<Dictionary<int, Build>> BuildsAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var builds = new Dictionary<int, Build>();
        foreach (var chunk in ids.Distinct().Chunk(PageSize))
        {
            var page = await client.GetAllAsync(
                token => client.Api("build/builds", [("buildIds", string.Join(',', chunk.Select(Number))), ("continuationToken", token)]),
                AzureDevOpsJson.Default.ListOfBuild,
                ReadBuilds,
                ct).ConfigureAwait(false);
            foreach (var build in page)
            {
                builds[build.Id] = build;
            }
        }

        return builds;
    }

    private async Task<IEnumerable<DeliveryEvent>> IncidentsAsync(Lane lane, string tag, string? type, DateTimeOffset since, CancellationToken ct)
    {
        var query = IncidentQuery.For(tag, type, since);
        var result = await client.SendAsync(
            HttpMethod.Post,
            client.Api("wit/wiql", [("timePrecision", "true")]),
            new Wiql(query),
            AzureDevOpsJson.Default.Wiql,
            AzureDevOpsJson.Default.WiqlResult,
            ReadWorkItems,
            repeatable: true,
            ct).ConfigureAwait(false);

        var incidents = new List<DeliveryEvent>();
        foreach (var chunk in (result.WorkItems ?? []).Select(w => w.Id).Chunk(WorkItemBatch))
        {
            var items = await client.GetAsync(
                client.Api("wit/workitems", [("ids", string.Join(',', chunk.Select(Number))), ("errorPolicy", "omit")]),
                AzureDevOpsJson.Default.ListOfWorkItem,
                ReadWorkItems,
                ct).ConfigureAwait(false);
            foreach (var item in items.Value ?? [])
            {
                if (Field(item, "System.CreatedDate") is not { } opened)
                {
                    continue;
                }

                incidents.Add(new Incident
                {
                    Lane = lane,
                    Id = Number(item.Id),
                    OpenedAt = opened,
                    ResolvedAt = Field(item, "Microsoft.VSTS.Common.ResolvedDate") ?? Field(item, "Microsoft.VSTS.Common.ClosedDate"),
                });
            }
        }

        return incidents;
    }

    private static DateTimeOffset? Field(WorkItem item, string name) =>
        item.Fields is { } fields && fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
        && IsoTime.TryParse(value.GetString(), out var time)
            ? time.ToUniversalTime()
            : null;

    /// <summary>An environment job's result: reached the environment, never did, or says nothing (skipped, queued).</summary>
    private static DeploymentStatus? StatusOf(string? result) => result?.ToLowerInvariant() switch
    {
        "succeeded" or "succeededwithissues" => DeploymentStatus.Success,
        "failed" or "canceled" or "abandoned" => DeploymentStatus.Failure,
        _ => null,
    };

    private static DeploymentStatus? BuildStatusOf(string? result) => result?.ToLowerInvariant() switch
    {
        "succeeded" or "partiallysucceeded" => DeploymentStatus.Success,
        "failed" or "canceled" => DeploymentStatus.Failure,
        _ => null,
    };

    private static DateTimeOffset Time(DeliveryEvent e) => e switch
    {
        Deployment d => d.FinishedAt,
        Incident i => i.OpenedAt,
        _ => DateTimeOffset.MinValue,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Azure Repos' merge commit message for a completed pull request: <c>Merged PR 123: title</c>.</summary>
    [GeneratedRegex(@"^Merged PR (?<number>\d{1,9}):", RegexOptions.CultureInvariant)]
    private static partial Regex MergedPullRequest();
}
