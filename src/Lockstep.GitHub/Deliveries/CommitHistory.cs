using System.Globalization;
using Lockstep.Core.Dora;
using Octokit;
using Deployment = Lockstep.Core.Dora.Deployment;
using DeploymentStatus = Lockstep.Core.Dora.DeploymentStatus;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// The commits each deployment brought: per lane and environment, in the order the deployments were created, those
/// of <c>previous...current</c> between consecutive deployments that reached the environment (compare, every page);
/// the first one within the period brings its own commit only. When a deployment brought exactly one commit and it
/// is a squash or rebase merge (one parent, the merge commit of a merged pull request), the pull request's own
/// commits come with it, so lead times start when the work was committed rather than when it was merged.
/// Everything read here is fixed once the SHAs are, so it is kept in the cache and never asked again.
/// </summary>
internal sealed class CommitHistory(GitHubApi api, DeliveryCache cache)
{
    private readonly HashSet<string> compares = new(StringComparer.Ordinal);
    private readonly HashSet<string> commits = new(StringComparer.Ordinal);
    private readonly HashSet<string> pulls = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public async Task<List<Deployment>> DeploymentsAsync(IEnumerable<Delivery> deliveries, CancellationToken ct)
    {
        var events = new List<Deployment>();
        foreach (var chain in deliveries.GroupBy(d => (d.Lane, Environment: d.Environment.ToUpperInvariant())))
        {
            Delivery? previous = null;
            foreach (var delivery in chain.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id.Length).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                if (!DeploymentOutcome.Reached(delivery.Status))
                {
                    events.Add(Event(delivery, [], null));
                    continue;
                }

                var brought = previous is null ? await FirstAsync(delivery, ct).ConfigureAwait(false)
                    : string.Equals(previous.Sha, delivery.Sha, StringComparison.OrdinalIgnoreCase) ? []
                    : await BetweenAsync(previous, delivery, ct).ConfigureAwait(false);
                var pull = brought is [var only] && string.Equals(only.Sha, delivery.Sha, StringComparison.OrdinalIgnoreCase) && only.Parents == 1
                    ? await SquashedPullAsync(delivery.Sha, ct).ConfigureAwait(false)
                    : null;
                events.Add(Event(delivery, brought, pull));
                previous = delivery;
            }
        }

        return events;
    }

    /// <summary>Drops the facts this run did not use, so the cache holds what the period needs.</summary>
    public void DropUnused()
    {
        Drop(cache.Compares, compares);
        Drop(cache.Commits, commits);
        Drop(cache.Pulls, pulls);
    }

    private async Task<List<CommitRecord>> FirstAsync(Delivery delivery, CancellationToken ct)
    {
        commits.Add(delivery.Sha);
        if (!cache.Commits.TryGetValue(delivery.Sha, out var commit))
        {
            api.Counter.Reading = "commits";
            commit = await api.CommitAsync(delivery.Sha, ct).ConfigureAwait(false) is { } found
                ? Record(found.Sha, found.Commit, RequiredField.Of(found.Parents, api.Request("commits", delivery.Sha), "parents").Count)
                : null;
            if (commit is null)
            {
                Notes.Add($"deployment {delivery.Id}: commit {GitHubApi.Short(delivery.Sha)} is not on GitHub; the deployment has no commits");
                return [];
            }

            cache.Commits[delivery.Sha] = commit;
        }

        return [commit];
    }

    private async Task<List<CommitRecord>> BetweenAsync(Delivery previous, Delivery delivery, CancellationToken ct)
    {
        var key = $"{previous.Sha}...{delivery.Sha}";
        compares.Add(key);
        if (!cache.Compares.TryGetValue(key, out var brought))
        {
            api.Counter.Reading = "commits";
            var comparison = await api.CompareAsync(previous.Sha, delivery.Sha, ct).ConfigureAwait(false);
            if (comparison is null)
            {
                Notes.Add($"deployment {delivery.Id}: GitHub cannot compare {GitHubApi.Short(previous.Sha)}...{GitHubApi.Short(delivery.Sha)}; the deployment has no commits");
                return [];
            }

            var request = api.Request("compare", key);
            brought = RequiredField.Of(comparison.Commits, request, "commits")
                .Select((c, i) => Record(
                    RequiredField.Of(c.Sha, request, $"commits[{i}].sha"), c.Commit, RequiredField.Of(c.Parents, request, $"commits[{i}].parents").Count))
                .ToList();
            cache.Compares[key] = brought;
        }

        return brought;
    }

    private async Task<PullRecord> SquashedPullAsync(string sha, CancellationToken ct)
    {
        pulls.Add(sha);
        if (cache.Pulls.TryGetValue(sha, out var pull))
        {
            return pull;
        }

        api.Counter.Reading = "pull requests";
        var merged = (await api.PullRequestsOfAsync(sha, ct).ConfigureAwait(false))
            .FirstOrDefault(p => p.MergedAt is not null && string.Equals(p.MergeCommitSha, sha, StringComparison.OrdinalIgnoreCase));
        pull = new PullRecord { Number = merged?.Number };
        if (merged is not null)
        {
            var parameters = new Dictionary<string, string> { ["per_page"] = GitHubApi.PageSize.ToString(CultureInfo.InvariantCulture) };
            var own = await api.AllAsync<PullRequestCommit>(
                api.Route("pulls", merged.Number.ToString(CultureInfo.InvariantCulture), "commits"), parameters, $"commits of pull request #{merged.Number} not read", ct).ConfigureAwait(false);
            var request = api.Request("pulls", merged.Number.ToString(CultureInfo.InvariantCulture), "commits");
            pull.Commits = own.Select((c, i) => Record(c.Sha, c.Commit, RequiredField.Of(c.Parents, request, $"[{i}].parents").Count)).ToList();
        }

        cache.Pulls[sha] = pull;
        return pull;
    }

    private static Deployment Event(Delivery delivery, List<CommitRecord> brought, PullRecord? pull) => new()
    {
        Lane = delivery.Lane,
        Id = delivery.Id,
        Environment = delivery.Environment,
        Sha = delivery.Sha,
        Status = delivery.Status switch
        {
            DeploymentOutcome.Success => DeploymentStatus.Success,
            DeploymentOutcome.RolledBack => DeploymentStatus.RolledBack,
            _ => DeploymentStatus.Failure,
        },
        CreatedAt = delivery.CreatedAt,
        FinishedAt = delivery.FinishedAt,
        Commits = brought.Select(Ref).ToList(),
        Pr = pull?.Number is { } number ? new PullRequestRef { Number = number, Commits = pull.Commits.Select(Ref).ToList() } : null,
    };

    private static CommitRef Ref(CommitRecord commit) => new() { Sha = commit.Sha, AuthoredAt = commit.AuthoredAt, CommittedAt = commit.CommittedAt };

    private static CommitRecord Record(string sha, Commit? commit, int parents) => new()
    {
        Sha = sha,
        AuthoredAt = commit?.Author?.Date,
        CommittedAt = commit?.Committer?.Date,
        Parents = parents,
    };

    private static void Drop<T>(Dictionary<string, T> facts, HashSet<string> used)
    {
        foreach (var key in facts.Keys.Where(key => !used.Contains(key)).ToList())
        {
            facts.Remove(key);
        }
    }
}
