using Lockstep.Core.Dora;

namespace Lockstep.GitHub.Deliveries;

/// <summary>The events read, notes on what could not be read or was decided, and the requests it took.</summary>
public sealed record DeliveryHistory(IReadOnlyList<DeliveryEvent> Events, IReadOnlyList<string> Notes, RequestCount Requests);

/// <summary>
/// The GitHub DORA source: reads a repository's deployments (or deploy workflow runs), the commits each brought, the
/// pull requests of squash merges and the incident issues since a time, and turns them into
/// <c>lockstep.events/v1</c> events. With the cache of an earlier run it asks only for what may have changed, and
/// asks conditionally; the cache is updated in place, also when reading fails half-way, so that the next run goes on
/// from there.
/// </summary>
public static class GitHubDeliverySource
{
    public static async Task<DeliveryHistory> ReadAsync(GitHubDeliverySettings settings, DeliveryCache cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cache);
        var routes = LaneRoutes.From(settings.Dora, settings.DoraSource);
        using var api = new GitHubApi(settings, cache);
        var commits = new CommitHistory(api, cache);
        var deliveries = await new DeploymentHistory(api, cache, routes, settings.Since).ReadAsync(ct).ConfigureAwait(false);
        deliveries.AddRange(await new WorkflowRunHistory(api, cache, routes, settings.Since).ReadAsync(ct).ConfigureAwait(false));
        var deployments = await commits.DeploymentsAsync(deliveries, ct).ConfigureAwait(false);
        var incidents = await new IncidentHistory(api, cache, settings.Dora, settings.Since).ReadAsync(ct).ConfigureAwait(false);

        Prune(cache, settings.Since);
        api.Store.DropUnused(address => !DeploymentHistory.IsFinalStatuses(address, cache));
        commits.DropUnused();
        var events = deployments.Cast<DeliveryEvent>().Concat(incidents)
            .OrderBy(TimeOf).ThenBy(e => e is Incident).ThenBy(e => e.Lane).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return new DeliveryHistory(events, [.. routes.Notes, .. commits.Notes], api.Counter.Count);
    }

    private static DateTimeOffset TimeOf(DeliveryEvent delivery) => delivery switch
    {
        Deployment deployment => deployment.FinishedAt,
        Incident incident => incident.OpenedAt,
        _ => DateTimeOffset.MaxValue,
    };

    /// <summary>Forgets deployments and runs created before the period: a later run's period starts later still.</summary>
    private static void Prune(DeliveryCache cache, DateTimeOffset since)
    {
        foreach (var id in cache.Deployments.Values.Where(d => d.CreatedAt < since).Select(d => d.Id).ToList())
        {
            cache.Deployments.Remove(id);
        }

        foreach (var id in cache.Runs.Values.Where(r => r.CreatedAt < since).Select(r => r.Id).ToList())
        {
            cache.Runs.Remove(id);
        }
    }
}
