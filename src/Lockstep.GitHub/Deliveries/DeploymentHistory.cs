using System.Globalization;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// The lanes' GitHub deployments since a time, with their outcomes. Listings are read newest first and only until
/// the deployments the cache already holds; statuses are read again only for deployments whose outcome may still
/// change: those that had not failed, and had no newer successful deployment to their environment, when last read.
/// </summary>
internal sealed class DeploymentHistory(GitHubApi api, DeliveryCache cache, LaneRoutes routes, DateTimeOffset since)
{
    public async Task<List<Delivery>> ReadAsync(CancellationToken ct)
    {
        var listings = routes.DeploymentListings;
        foreach (var environment in listings)
        {
            await ListAsync(environment, ct).ConfigureAwait(false);
        }

        var inRange = cache.Deployments.Values
            .Where(d => d.CreatedAt >= since && listings.Any(l => l is null || string.Equals(l, d.Environment, StringComparison.OrdinalIgnoreCase)))
            .Select(d => (Record: d, Lane: routes.LaneOf(d.Environment, d.Id)))
            .Where(d => d.Lane is not null)
            .ToList();
        foreach (var environment in inRange.GroupBy(d => d.Record.Environment, StringComparer.OrdinalIgnoreCase))
        {
            await RefreshAsync(environment.Select(d => d.Record).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id), ct).ConfigureAwait(false);
        }

        return inRange
            .Where(d => d.Record.Status is not null)
            .Select(d => new Delivery(d.Lane!.Value, d.Record.Environment, d.Record.Id.ToString(CultureInfo.InvariantCulture), d.Record.Sha, d.Record.CreatedAt, d.Record.Status!, d.Record.FinishedAt!.Value))
            .ToList();
    }

    /// <summary>Whether an address is that of the statuses of a deployment whose outcome is final: they are not read again.</summary>
    public static bool IsFinalStatuses(Uri address, DeliveryCache cache)
    {
        var segments = address.AbsolutePath.TrimEnd('/').Split('/');
        return segments is [.., "deployments", var id, "statuses"]
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var deployment)
            && cache.Deployments.TryGetValue(deployment, out var record)
            && record.Final;
    }

    /// <summary>Reads a listing from the newest deployment down to <c>since</c>, or to the newest one read before.</summary>
    private Task ListAsync(string? environment, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string> { ["per_page"] = GitHubApi.PageSize.ToString(CultureInfo.InvariantCulture) };
        if (environment is not null)
        {
            parameters["environment"] = environment;
        }

        api.Counter.Reading = "deployments";
        var what = $"deployments{(environment is null ? string.Empty : $" to {environment}")} of {api.Repository} not read";
        return NewestFirstListing.ReadAsync<DeploymentItem>(
            cache,
            environment is null ? "deployments" : $"deployments?environment={environment}",
            since,
            api.Route("deployments"),
            parameters,
            async (address, query) => Checked(await api.PageAsync<DeploymentItem>(address, query, what, ct).ConfigureAwait(false)),
            deployment => (deployment.Id, deployment.CreatedAt),
            deployment =>
            {
                if (routes.LaneOf(deployment.Environment, deployment.Id) is not null && !cache.Deployments.ContainsKey(deployment.Id))
                {
                    cache.Deployments[deployment.Id] = new DeploymentRecord
                    {
                        Id = deployment.Id,
                        Environment = deployment.Environment,
                        Sha = deployment.Sha,
                        CreatedAt = deployment.CreatedAt,
                    };
                }
            });
    }

    /// <summary>The deployments of a page, each with the fields the source needs.</summary>
    private (IReadOnlyList<DeploymentItem> Items, Uri? Next) Checked((IReadOnlyList<DeploymentItem> Items, Uri? Next) page)
    {
        var request = api.Request("deployments");
        foreach (var deployment in page.Items)
        {
            var which = $"deployment {deployment.Id.ToString(CultureInfo.InvariantCulture)}";
            RequiredField.Of(deployment.CreatedAt, request, $"created_at ({which})");
            RequiredField.Of(deployment.Sha, request, $"sha ({which})");
            RequiredField.Of(deployment.Environment, request, $"environment ({which})");
        }

        return page;
    }

    /// <summary>Reads the statuses of the deployments to one environment, newest first, that may still change.</summary>
    private async Task RefreshAsync(IEnumerable<DeploymentRecord> newestFirst, CancellationToken ct)
    {
        api.Counter.Reading = "deployment statuses";
        var newerReached = false;
        foreach (var record in newestFirst)
        {
            if (!record.Checked || !record.Final)
            {
                var statuses = await api.StatusesAsync(record.Id, ct).ConfigureAwait(false);
                var request = api.Request("deployments", record.Id.ToString(CultureInfo.InvariantCulture), "statuses");
                (record.Status, record.FinishedAt) = DeploymentOutcome.From(statuses.Select(s => (
                    RequiredField.Of(s.State.StringValue, request, $"state (status {s.Id.ToString(CultureInfo.InvariantCulture)})"),
                    RequiredField.Of(s.CreatedAt, request, $"created_at (status {s.Id.ToString(CultureInfo.InvariantCulture)})"),
                    s.Id)));
                record.Checked = true;

                // GitHub marks a deployment inactive once a newer one to its environment succeeds: after that its own
                // outcome is not expected to change, and it is not read again.
                record.Final = record.Status is DeploymentOutcome.Failure or DeploymentOutcome.RolledBack || newerReached;
            }

            newerReached |= DeploymentOutcome.Reached(record.Status);
        }
    }
}
