namespace Lockstep.Core.Dora;

/// <summary>
/// One lane's events as DORA counts them as of a time: its production deployments ordered by finish time, its
/// incidents (a restore after the as-of time is not known yet), which deployment each incident is attributed to, and
/// the deployments left out only for their environment. Drills are kept apart from the incidents: they never count as one.
/// </summary>
internal sealed record LaneEvents(
    Lane Lane,
    List<Deployment> Deployments,
    List<Incident> Incidents,
    Dictionary<string, List<Incident>> IncidentsByDeployment,
    List<Incident> Unattributed,
    List<Deployment> OtherEnvironments,
    List<Incident> Drills)
{
    public static LaneEvents Select(IReadOnlyList<DeliveryEvent> events, Lane lane, DoraSettings settings, DateTimeOffset asOf)
    {
        // Nothing after asOf is known yet: later deployments and incidents are left out, later restores are still open.
        var reached = events.OfType<Deployment>()
            .Where(d => d.Lane == lane && d.Status != DeploymentStatus.Failure && d.FinishedAt <= asOf)
            .ToLookup(d => settings.CountsAsProduction(lane, d.Environment));
        var deployments = reached[true].OrderBy(d => d.FinishedAt).ToList();
        var known = events.OfType<Incident>()
            .Where(i => i.Lane == lane && i.OpenedAt <= asOf)
            .Select(i => i.ResolvedAt > asOf ? i with { ResolvedAt = null } : i)
            .ToLookup(i => i.Drill is null);
        var incidents = known[true].ToList();
        var (byDeployment, loose) = IncidentAttribution.Attribute(deployments, incidents, TimeSpan.FromHours(settings.AttributionHours));
        return new LaneEvents(lane, deployments, incidents, byDeployment, loose, [.. reached[false]], [.. known[false]]);
    }
}
