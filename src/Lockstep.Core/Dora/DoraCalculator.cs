namespace Lockstep.Core.Dora;

/// <summary>
/// Computes two-lane DORA metrics from delivery events: the trailing window ending at <c>asOf</c> against the window
/// before it. Windows are half-open, (from, to]: an event exactly at a window's start belongs to the window before.
/// </summary>
public static class DoraCalculator
{
    /// <param name="earlierHistory">True when older events exist but were not passed (see <see cref="HorizonStart"/>):
    /// the first deployment passed is then not the first in history.</param>
    public static DoraReport Calculate(IReadOnlyList<DeliveryEvent> events, DoraSettings settings, DateTimeOffset asOf, bool earlierHistory = false)
    {
        var lanes = new List<LaneReport>();
        var unattributed = new List<string>();
        var unmatched = new List<UnmatchedEnvironment>();
        var reportFrom = asOf - TimeSpan.FromDays(2 * settings.WindowDays);
        foreach (var lane in new[] { Lane.Code, Lane.Model })
        {
            var selected = LaneEvents.Select(events, lane, settings, asOf);
            unmatched.AddRange(Unmatched(lane, selected.OtherEnvironments.Where(d => d.FinishedAt > reportFrom)));
            unattributed.AddRange(selected.Unattributed.Select(i => i.Id));
            var report = LaneCalculator.Calculate(lane, selected.Deployments, selected.Incidents, selected.IncidentsByDeployment, settings, asOf, earlierHistory) with
            {
                Drills = DrillSummary.Of(selected.Drills, HorizonStart(settings, asOf), asOf),
            };
            lanes.Add(events.Count == 0 && !earlierHistory ? report with { Notes = [NoEvents, .. report.Notes] } : report);
        }

        return new DoraReport
        {
            AsOf = asOf,
            WindowDays = settings.WindowDays,
            AttributionHours = settings.AttributionHours,
            CommitTime = settings.CommitTime,
            Lanes = lanes,
            UnattributedIncidents = unattributed,
            UnmatchedEnvironments = unmatched,
        };
    }

    /// <summary>The note each lane carries when the events hold nothing at all: an empty history says so.</summary>
    public const string NoEvents = "no events: there are no deployments and no incidents to compute from";

    /// <summary>Per environment, the lane's deployments that count but for their environment; most first, then by name.</summary>
    private static IEnumerable<UnmatchedEnvironment> Unmatched(Lane lane, IEnumerable<Deployment> leftOut) =>
        leftOut
            .GroupBy(d => d.Environment, StringComparer.OrdinalIgnoreCase)
            .Select(g => new UnmatchedEnvironment(lane, g.First().Environment, g.Count(), DoraSettings.EnvironmentsKey(lane)))
            .OrderByDescending(u => u.Deployments)
            .ThenBy(u => u.Environment, StringComparer.Ordinal);

    /// <summary>
    /// The oldest time whose events can change a report as of <paramref name="asOf"/>: three windows back (the current
    /// and previous windows, and one more so commits are counted once and incidents find their deployment).
    /// </summary>
    public static DateTimeOffset HorizonStart(DoraSettings settings, DateTimeOffset asOf) => asOf - TimeSpan.FromDays(3 * settings.WindowDays);
}
