using System.Globalization;
using Octokit;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// Deployments defined as runs of named deploy workflows: a completed run that succeeded is a successful deployment
/// of its head SHA, one that failed (<c>failure</c>, <c>timed_out</c>, <c>startup_failure</c>) a failed one; cancelled,
/// skipped and other runs are not deployments. Created when the run was, finished at its last update. Runs are
/// listed newest first until those the cache holds; a run not completed then is read again until it is.
/// </summary>
internal sealed class WorkflowRunHistory(GitHubApi api, DeliveryCache cache, LaneRoutes routes, DateTimeOffset since)
{
    public async Task<List<Delivery>> ReadAsync(CancellationToken ct)
    {
        var deliveries = new List<Delivery>();
        foreach (var route in routes.Workflows)
        {
            var seen = await ListAsync(route.Workflow, ct).ConfigureAwait(false);
            var runs = cache.Runs.Values.Where(r => r.CreatedAt >= since && string.Equals(r.Workflow, route.Workflow, StringComparison.Ordinal)).ToList();
            foreach (var record in runs.Where(r => !r.Completed && !seen.Contains(r.Id)))
            {
                api.Counter.Reading = "workflow runs";
                Update(record, await api.RunAsync(record.Id, ct).ConfigureAwait(false));
            }

            deliveries.AddRange(runs
                .Where(r => r.Status is not null)
                .Select(r => new Delivery(route.Lane, route.Environment, r.Id.ToString(CultureInfo.InvariantCulture), r.Sha, r.CreatedAt, r.Status!, r.FinishedAt!.Value)));
        }

        return deliveries;
    }

    private async Task<HashSet<long>> ListAsync(string workflow, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string>
        {
            ["per_page"] = GitHubApi.PageSize.ToString(CultureInfo.InvariantCulture),
            ["exclude_pull_requests"] = "true",
        };
        api.Counter.Reading = $"runs of {workflow}";
        var seen = new HashSet<long>();
        await NewestFirstListing.ReadAsync<WorkflowRun>(
            cache,
            $"runs:{workflow}",
            since,
            api.Route("actions", "workflows", workflow, "runs"),
            parameters,
            (address, query) => api.PageAsync<WorkflowRunsResponse, WorkflowRun>(address, query, page => page.WorkflowRuns, $"runs of workflow {workflow} of {api.Repository} not read", ct),
            run => (run.Id, RequiredField.Of(run.CreatedAt, api.Request("actions", "workflows", workflow, "runs"), $"created_at (run {run.Id.ToString(CultureInfo.InvariantCulture)})")),
            run =>
            {
                seen.Add(run.Id);
                if (!cache.Runs.TryGetValue(run.Id, out var record))
                {
                    cache.Runs[run.Id] = record = new RunRecord { Id = run.Id, Workflow = workflow };
                }

                Update(record, run);
            }).ConfigureAwait(false);
        return seen;
    }

    private static void Update(RunRecord record, WorkflowRun run)
    {
        record.Sha = run.HeadSha;
        record.CreatedAt = run.CreatedAt;
        record.Completed = string.Equals(run.Status.StringValue, "completed", StringComparison.OrdinalIgnoreCase);
        record.Status = !record.Completed ? null : run.Conclusion?.StringValue.ToLowerInvariant() switch
        {
            "success" => DeploymentOutcome.Success,
            "failure" or "timed_out" or "startup_failure" => DeploymentOutcome.Failure,
            _ => null,
        };
        record.FinishedAt = record.Status is null ? null : run.UpdatedAt > run.CreatedAt ? run.UpdatedAt : run.CreatedAt;
    }
}
