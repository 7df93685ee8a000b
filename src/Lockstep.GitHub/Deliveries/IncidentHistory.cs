using System.Globalization;
using Lockstep.Core.Dora;
using Octokit;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// Incidents from issues: an issue carrying one of a lane's incident labels is an incident of that lane, opened when
/// the issue was opened and resolved when it was closed (open again: not resolved). Pull requests are not issues
/// here. Each label is one listing with <c>since</c>: the first run reads the issues updated in the period, later
/// runs only those updated since the newest one read.
/// </summary>
internal sealed class IncidentHistory(GitHubApi api, DeliveryCache cache, DoraSettings dora, DateTimeOffset since)
{
    public async Task<List<Incident>> ReadAsync(CancellationToken ct)
    {
        var lanes = new[] { Lane.Code, Lane.Model }.Select(lane => (Lane: lane, Labels: dora.IncidentLabels.GetValueOrDefault(lane) ?? [])).ToList();
        foreach (var label in lanes.SelectMany(l => l.Labels).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await ListAsync(label, ct).ConfigureAwait(false);
        }

        foreach (var old in cache.Issues.Values.Where(i => i.OpenedAt < since).ToList())
        {
            cache.Issues.Remove(old.Number);
        }

        return cache.Issues.Values
            .SelectMany(issue => lanes
                .Where(lane => issue.Labels.Intersect(lane.Labels, StringComparer.OrdinalIgnoreCase).Any())
                .Select(lane => new Incident
                {
                    Lane = lane.Lane,
                    Id = $"#{issue.Number.ToString(CultureInfo.InvariantCulture)}",
                    OpenedAt = issue.OpenedAt,
                    ResolvedAt = issue.ClosedAt,
                }))
            .ToList();
    }

    private async Task ListAsync(string label, CancellationToken ct)
    {
        var key = $"issues?labels={label}";
        var state = cache.Listings.GetValueOrDefault(key);
        var resume = state?.Cursor is not null && state.CoveredFrom <= since;
        var from = resume ? state!.Cursor!.Value : since;
        var parameters = new Dictionary<string, string>
        {
            ["labels"] = label,
            ["state"] = "all",
            ["since"] = from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["sort"] = "updated",
            ["direction"] = "asc",
            ["per_page"] = GitHubApi.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        api.Counter.Reading = $"issues labelled {label}";
        var cursor = from;
        foreach (var issue in await api.AllAsync<Issue>(api.Route("issues"), parameters, $"issues of {api.Repository} labelled {label} not read", ct).ConfigureAwait(false))
        {
            var updated = issue.UpdatedAt ?? issue.CreatedAt;
            cursor = updated > cursor ? updated : cursor;
            if (issue.PullRequest is null)
            {
                cache.Issues[issue.Number] = new IssueRecord
                {
                    Number = issue.Number,
                    Labels = issue.Labels.Select(l => l.Name).ToList(),
                    OpenedAt = RequiredField.Of(issue.CreatedAt, api.Request("issues"), $"created_at (issue #{issue.Number.ToString(CultureInfo.InvariantCulture)})"),
                    ClosedAt = string.Equals(issue.State.StringValue, "closed", StringComparison.OrdinalIgnoreCase) ? issue.ClosedAt : null,
                    UpdatedAt = updated,
                };
            }
        }

        cache.Listings[key] = new ListingState { CoveredFrom = resume ? state!.CoveredFrom : since, Cursor = cursor };
    }
}
