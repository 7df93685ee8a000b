using Lockstep.Core;
using Lockstep.Core.Dora;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// Where each lane's deployments come from on GitHub: GitHub deployments to the lane's environments, or the runs of
/// its deploy workflows. A deployment belongs to the lane whose environments match its environment; matching both
/// lanes is an error, except that when both lanes name the same environments (the default) they are the code lane's.
/// </summary>
internal sealed class LaneRoutes
{
    private readonly DoraSettings dora;
    private readonly string source;
    private readonly List<Lane> deploymentLanes;

    private LaneRoutes(DoraSettings dora, string source, List<Lane> deploymentLanes, List<WorkflowRoute> workflows, List<string> notes)
    {
        this.dora = dora;
        this.source = source;
        this.deploymentLanes = deploymentLanes;
        Workflows = workflows;
        Notes = notes;
    }

    public IReadOnlyList<WorkflowRoute> Workflows { get; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// The deployment listings to read: one per environment when every environment is a plain name (GitHub filters
    /// by exact name), otherwise one listing of all deployments, matched here.
    /// </summary>
    public IReadOnlyList<string?> DeploymentListings
    {
        get
        {
            var patterns = deploymentLanes.SelectMany(lane => dora.Environments[lane]).ToList();
            if (patterns.Count == 0)
            {
                return [];
            }

            return patterns.Any(p => p.Contains('*', StringComparison.Ordinal))
                ? [null]
                : patterns.Distinct(StringComparer.OrdinalIgnoreCase).ToList<string?>();
        }
    }

    public static LaneRoutes From(DoraSettings dora, string source)
    {
        var notes = new List<string>();
        var workflows = new List<WorkflowRoute>();
        var deploymentLanes = new List<Lane>();
        foreach (var lane in new[] { Lane.Code, Lane.Model })
        {
            var names = dora.DeployWorkflows.TryGetValue(lane, out var list) ? list : [];
            if (names.Count == 0)
            {
                deploymentLanes.Add(lane);
                continue;
            }

            var environment = dora.Environments[lane].FirstOrDefault(p => !p.Contains('*', StringComparison.Ordinal))
                ?? throw new InputException(source, null, $"dora.lanes.{Name(lane)}.deploy_workflows",
                    $"the runs need an environment to be recorded under: add a name without * to dora.lanes.{Name(lane)}.environments");
            workflows.AddRange(names.Select(workflow => new WorkflowRoute(lane, workflow, environment)));
        }

        if (deploymentLanes.Count == 2 && dora.Environments[Lane.Code].Order(StringComparer.OrdinalIgnoreCase)
                .SequenceEqual(dora.Environments[Lane.Model].Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
        {
            deploymentLanes.Remove(Lane.Model);
            notes.Add("GitHub deployments count for the code lane: the model lane names the same environments; give it its own "
                + "(dora.lanes.model.environments) or deploy workflows (dora.lanes.model.deploy_workflows) to read its deployments");
        }

        return new LaneRoutes(dora, source, deploymentLanes, workflows, notes);
    }

    /// <summary>The lane a GitHub deployment to this environment belongs to; null when it counts for neither.</summary>
    public Lane? LaneOf(string environment, long deployment)
    {
        var lanes = deploymentLanes.Where(lane => dora.Environments[lane].Any(p => DoraSettings.Matches(p, environment))).ToList();
        return lanes.Count switch
        {
            0 => null,
            1 => lanes[0],
            _ => throw new InputException(source, null, "dora.lanes",
                $"GitHub deployment {deployment} to '{environment}' matches the environments of both lanes; give the code and model lanes environments that do not overlap"),
        };
    }

    private static string Name(Lane lane) => lane == Lane.Code ? "code" : "model";
}

/// <summary>A deploy workflow whose successful runs are deployments of <paramref name="Lane"/> to <paramref name="Environment"/>.</summary>
internal sealed record WorkflowRoute(Lane Lane, string Workflow, string Environment);
