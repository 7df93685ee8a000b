using Lockstep.Core.Metrics;

namespace Lockstep.Core.Dora;

/// <summary>One lane's windows, deltas, stage strip and chart series.</summary>
internal static class LaneCalculator
{
    public static LaneReport Calculate(
        Lane lane,
        IReadOnlyList<Deployment> deployments,
        IReadOnlyList<Incident> incidents,
        IReadOnlyDictionary<string, List<Incident>> incidentsByDeployment,
        DoraSettings settings,
        DateTimeOffset asOf,
        bool earlierHistory)
    {
        var window = TimeSpan.FromDays(settings.WindowDays);
        var notes = new List<string>();
        var leadTimes = LeadTimes.PerDeployment(deployments, settings, notes, firstInHistory: !earlierHistory);
        var current = Window(asOf - window, asOf, deployments, incidents, incidentsByDeployment, leadTimes, settings);
        var previous = Window(asOf - window - window, asOf - window, deployments, incidents, incidentsByDeployment, leadTimes, settings);

        var currentLeadTimes = deployments.Where(d => InWindow(d.FinishedAt, asOf - window, asOf))
            .SelectMany(d => leadTimes.GetValueOrDefault(d.Id) ?? [])
            .Order()
            .ToList();

        return new LaneReport
        {
            Lane = lane,
            Current = current,
            Previous = previous,
            Deltas = Deltas(current, previous),
            Stages = lane == Lane.Model ? StageStripOf(deployments.Where(d => InWindow(d.FinishedAt, asOf - window, asOf))) : null,
            DailyDeployments = Series.DailyCounts(deployments, asOf, settings.WindowDays),
            RollingChangeFailureRate = Series.RollingChangeFailureRate(deployments, incidentsByDeployment, asOf, settings.WindowDays, settings.WindowDays),
            LeadTimesHours = currentLeadTimes,
            Notes = notes,
        };
    }

    /// <summary>Whether <paramref name="time"/> lies in the half-open window (from, to].</summary>
    public static bool InWindow(DateTimeOffset time, DateTimeOffset from, DateTimeOffset to) => time > from && time <= to;

    public static bool Failed(Deployment deployment, IReadOnlyDictionary<string, List<Incident>> incidentsByDeployment) =>
        deployment.Status == DeploymentStatus.RolledBack || incidentsByDeployment.ContainsKey(deployment.Id);

    private static WindowMetrics Window(
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyList<Deployment> deployments,
        IReadOnlyList<Incident> incidents,
        IReadOnlyDictionary<string, List<Incident>> incidentsByDeployment,
        IReadOnlyDictionary<string, double[]> leadTimes,
        DoraSettings settings)
    {
        var inWindow = deployments.Where(d => InWindow(d.FinishedAt, from, to)).ToList();
        var days = settings.WindowDays;
        var deploysPerDay = inWindow.Count / (double)days;
        var deployDays = inWindow.Select(d => DateOnly.FromDateTime(d.FinishedAt.UtcDateTime)).Distinct().Count();

        var leads = inWindow.SelectMany(d => leadTimes.GetValueOrDefault(d.Id) ?? []).ToArray();
        RadixSort.Sort(leads);
        double? median = leads.Length > 0 ? Percentile.Linear(leads, 50) : null;

        var failed = inWindow.Where(d => Failed(d, incidentsByDeployment)).ToList();
        double? changeFailureRate = inWindow.Count > 0 ? failed.Count / (double)inWindow.Count : null;
        var rework = inWindow.Where(d => d.IsRework).ToList();

        var opened = incidents.Where(i => InWindow(i.OpenedAt, from, to)).ToList();
        var restored = opened.Where(i => i.ResolvedAt is not null).ToList();
        var restoreHours = restored.Select(i => (i.ResolvedAt!.Value - i.OpenedAt).TotalHours).ToArray();
        RadixSort.Sort(restoreHours);
        double? meanRestore = restoreHours.Length > 0 ? CompensatedSum.Of(restoreHours) / restoreHours.Length : null;

        return new WindowMetrics
        {
            From = from,
            To = to,
            Deployments = inWindow.Count,
            DeploysPerDay = deploysPerDay,
            DeployDaysPerWeek = deployDays / (days / 7.0),
            FrequencyLevel = PerformanceLevels.Frequency(deploysPerDay),
            Commits = leads.Length,
            LeadTimeMedianHours = median,
            LeadTimeMeanHours = leads.Length > 0 ? CompensatedSum.Of(leads) / leads.Length : null,
            LeadTimeP95Hours = leads.Length > 0 ? Percentile.Linear(leads, 95) : null,
            LeadTimeLevel = median is { } m ? PerformanceLevels.LeadTime(m) : null,
            FailedDeployments = failed.Count,
            ChangeFailureRate = changeFailureRate,
            ChangeFailureLevel = changeFailureRate is { } cfr ? PerformanceLevels.ChangeFailureRate(cfr) : null,
            RestoredIncidents = restored.Count,
            TimeToRestoreMeanHours = meanRestore,
            TimeToRestoreMedianHours = restoreHours.Length > 0 ? Percentile.Linear(restoreHours, 50) : null,
            TimeToRestoreLevel = meanRestore is { } mttr ? PerformanceLevels.TimeToRestore(mttr) : null,
            ReworkDeployments = rework.Count,
            ReworkRate = inWindow.Count > 0 ? rework.Count / (double)inWindow.Count : null,
            Evidence = new Evidence
            {
                Deployments = inWindow.Select(d => d.Id).ToList(),
                FailedDeployments = failed.Select(d => d.Id).ToList(),
                ReworkDeployments = rework.Select(d => d.Id).ToList(),
                RestoredIncidents = restored.Select(i => i.Id).ToList(),
                OpenIncidents = opened.Where(i => i.ResolvedAt is null).Select(i => i.Id).ToList(),
            },
        };
    }

    private static List<MetricDelta> Deltas(WindowMetrics current, WindowMetrics previous) =>
    [
        Delta("deploys_per_day", current.DeploysPerDay, previous.DeploysPerDay, higherIsBetter: true),
        Delta("lead_time_median_hours", current.LeadTimeMedianHours, previous.LeadTimeMedianHours, higherIsBetter: false),
        Delta("lead_time_p95_hours", current.LeadTimeP95Hours, previous.LeadTimeP95Hours, higherIsBetter: false),
        Delta("change_failure_rate", current.ChangeFailureRate, previous.ChangeFailureRate, higherIsBetter: false),
        Delta("time_to_restore_mean_hours", current.TimeToRestoreMeanHours, previous.TimeToRestoreMeanHours, higherIsBetter: false),
        Delta("rework_rate", current.ReworkRate, previous.ReworkRate, higherIsBetter: false),
    ];

    public static MetricDelta Delta(string metric, double? current, double? previous, bool higherIsBetter)
    {
        if (current is not { } c || previous is not { } p)
        {
            return new MetricDelta(metric, current, previous, null, null);
        }

        var change = c - p;
        return new MetricDelta(metric, c, p, change, change == 0 ? null : (change > 0) == higherIsBetter);
    }

    private static StageStrip? StageStripOf(IEnumerable<Deployment> deployments)
    {
        var staged = deployments.Where(d => d.Stages is not null).ToList();
        if (staged.Count == 0)
        {
            return null;
        }

        double? MedianHours(Func<Deployment, (DateTimeOffset? Start, DateTimeOffset? End)> stage)
        {
            var hours = staged.Select(stage)
                .Where(s => s.Start is not null && s.End is not null)
                .Select(s => (s.End!.Value - s.Start!.Value).TotalHours)
                .Order()
                .ToArray();
            return hours.Length > 0 ? Percentile.Linear(hours, 50) : null;
        }

        return new StageStrip(
            staged.Count,
            MedianHours(d => (d.Stages!.DataSnapshotAt, d.Stages.TrainedAt)),
            MedianHours(d => (d.Stages!.TrainedAt, d.Stages.EvaluatedAt)),
            MedianHours(d => (d.Stages!.EvaluatedAt, d.Stages.DeployedAt ?? d.FinishedAt)));
    }
}
