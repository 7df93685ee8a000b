namespace Lockstep.Core.Dora;

/// <summary>
/// Links incidents to deployments: explicitly by <c>deployment_id</c>, else to the lane's latest deployment that
/// finished at or before the incident opened, within the attribution window. The rest stay unattributed.
/// </summary>
public static class IncidentAttribution
{
    /// <param name="deployments">One lane's production deployments, ordered by finish time.</param>
    /// <returns>Deployment id → its incidents, and the incidents left unattributed.</returns>
    public static (Dictionary<string, List<Incident>> ByDeployment, List<Incident> Unattributed) Attribute(
        IReadOnlyList<Deployment> deployments, IEnumerable<Incident> incidents, TimeSpan window)
    {
        var byId = new Dictionary<string, Deployment>(StringComparer.Ordinal);
        foreach (var deployment in deployments)
        {
            byId.TryAdd(deployment.Id, deployment);
        }

        var finishTimes = deployments.Select(d => d.FinishedAt.UtcTicks).ToArray();
        var attributed = new Dictionary<string, List<Incident>>(StringComparer.Ordinal);
        var unattributed = new List<Incident>();
        foreach (var incident in incidents)
        {
            var deployment = incident.DeploymentId is { } explicitId
                ? byId.GetValueOrDefault(explicitId)
                : LatestBefore(deployments, finishTimes, incident.OpenedAt, window);
            if (deployment is null)
            {
                unattributed.Add(incident);
                continue;
            }

            if (!attributed.TryGetValue(deployment.Id, out var list))
            {
                attributed[deployment.Id] = list = [];
            }

            list.Add(incident);
        }

        return (attributed, unattributed);
    }

    private static Deployment? LatestBefore(IReadOnlyList<Deployment> deployments, long[] finishTimes, DateTimeOffset openedAt, TimeSpan window)
    {
        // The last deployment finishing at or before the incident opened.
        var index = Array.BinarySearch(finishTimes, openedAt.UtcTicks);
        index = index >= 0 ? LastEqual(finishTimes, index) : ~index - 1;
        if (index < 0)
        {
            return null;
        }

        var candidate = deployments[index];
        return openedAt - candidate.FinishedAt <= window ? candidate : null;
    }

    private static int LastEqual(long[] values, int index)
    {
        while (index + 1 < values.Length && values[index + 1] == values[index])
        {
            index++;
        }

        return index;
    }
}
