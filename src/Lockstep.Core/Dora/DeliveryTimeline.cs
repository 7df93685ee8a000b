using Lockstep.Core.Metrics;

namespace Lockstep.Core.Dora;

/// <summary>
/// Both lanes over a longer span than the DORA window, for the dashboard's charts: deployments per bucket, the
/// change failure rate over the trailing DORA window on each day, lead times per bucket, each restore and each staged
/// model deployment. The events are selected and attributed exactly as <see cref="DoraCalculator"/> does.
/// </summary>
public static class DeliveryTimeline
{
    /// <param name="days">The span: the <paramref name="days"/> UTC days ending with the day of <paramref name="asOf"/>.</param>
    /// <param name="bucketDays">1 (days) or 7 (weeks, the last ending with the span's last day).</param>
    public static IReadOnlyList<LaneTimeline> Calculate(
        IReadOnlyList<DeliveryEvent> events, DoraSettings settings, DateTimeOffset asOf, int days, int bucketDays, bool earlierHistory = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        if (bucketDays is not (1 or 7))
        {
            throw new ArgumentOutOfRangeException(nameof(bucketDays), bucketDays, "expected 1 or 7");
        }

        var last = Series.LastDay(asOf);
        var buckets = (days + bucketDays - 1) / bucketDays;
        var first = last.AddDays(1 - (buckets * bucketDays));
        var spanStart = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return [.. new[] { Lane.Code, Lane.Model }.Select(lane =>
        {
            var selected = LaneEvents.Select(events, lane, settings, asOf);
            var leadTimes = LeadTimes.PerDeployment(selected.Deployments, settings, [], firstInHistory: !earlierHistory);
            var inSpan = selected.Deployments.Where(d => d.FinishedAt >= spanStart).ToList();
            return new LaneTimeline(
                lane,
                first,
                bucketDays,
                Deployments(inSpan, first, buckets, bucketDays),
                Series.RollingChangeFailureRate(selected.Deployments, selected.IncidentsByDeployment, asOf, buckets * bucketDays, settings.WindowDays),
                LeadTimeBuckets(inSpan, leadTimes, first, buckets, bucketDays),
                [.. selected.Incidents
                    .Where(i => i.OpenedAt >= spanStart && i.ResolvedAt is not null)
                    .OrderBy(i => i.OpenedAt)
                    .Select(i => new Restore(i.Id, i.OpenedAt, (i.ResolvedAt!.Value - i.OpenedAt).TotalHours))],
                [.. inSpan.Where(d => d.Stages is not null).Select(Staged)]);
        })];
    }

    private static List<BucketCount> Deployments(List<Deployment> deployments, DateOnly first, int buckets, int bucketDays)
    {
        var counts = new int[buckets];
        foreach (var deployment in deployments)
        {
            counts[Bucket(deployment, first, bucketDays)]++;
        }

        return [.. counts.Select((count, i) => new BucketCount(first.AddDays(i * bucketDays), count))];
    }

    private static List<LeadTimeBucket> LeadTimeBuckets(
        List<Deployment> deployments, Dictionary<string, double[]> leadTimes, DateOnly first, int buckets, int bucketDays)
    {
        var hours = Enumerable.Range(0, buckets).Select(_ => new List<double>()).ToArray();
        foreach (var deployment in deployments)
        {
            hours[Bucket(deployment, first, bucketDays)].AddRange(leadTimes.GetValueOrDefault(deployment.Id) ?? []);
        }

        return [.. hours.Select((list, i) =>
        {
            var sorted = list.ToArray();
            Array.Sort(sorted);
            return sorted.Length == 0
                ? new LeadTimeBucket(first.AddDays(i * bucketDays), 0, null, null)
                : new LeadTimeBucket(first.AddDays(i * bucketDays), sorted.Length, Percentile.Linear(sorted, 50), Percentile.Linear(sorted, 95));
        })];
    }

    private static int Bucket(Deployment deployment, DateOnly first, int bucketDays) =>
        (DateOnly.FromDateTime(deployment.FinishedAt.UtcDateTime).DayNumber - first.DayNumber) / bucketDays;

    private static StagedDeployment Staged(Deployment deployment)
    {
        var stages = deployment.Stages!;
        static double? Hours(DateTimeOffset? start, DateTimeOffset? end) => start is { } s && end is { } e ? (e - s).TotalHours : null;
        return new StagedDeployment(
            deployment.Id,
            deployment.ModelVersion,
            deployment.FinishedAt,
            Hours(stages.DataSnapshotAt, stages.TrainedAt),
            Hours(stages.TrainedAt, stages.EvaluatedAt),
            Hours(stages.EvaluatedAt, stages.DeployedAt ?? deployment.FinishedAt));
    }
}

/// <summary>One lane over the dashboard's span.</summary>
/// <param name="First">The first day of the first bucket.</param>
/// <param name="RollingChangeFailureRate">For each day of the span, the rate over the DORA window ending with it.</param>
public sealed record LaneTimeline(
    Lane Lane,
    DateOnly First,
    int BucketDays,
    IReadOnlyList<BucketCount> Deployments,
    IReadOnlyList<DailyRate> RollingChangeFailureRate,
    IReadOnlyList<LeadTimeBucket> LeadTimes,
    IReadOnlyList<Restore> Restores,
    IReadOnlyList<StagedDeployment> Stages);

public sealed record BucketCount(DateOnly Start, int Count);

/// <summary>The lead times of the commits whose first production deployment finished in the bucket.</summary>
public sealed record LeadTimeBucket(DateOnly Start, int Commits, double? MedianHours, double? P95Hours);

/// <summary>A restored incident: when it opened and how long the lane took to restore.</summary>
public sealed record Restore(string Incident, DateTimeOffset OpenedAt, double Hours);

/// <summary>A model deployment's stage times: data snapshot → trained → evaluated → deployed.</summary>
public sealed record StagedDeployment(
    string Deployment,
    string? ModelVersion,
    DateTimeOffset FinishedAt,
    double? SnapshotToTrainedHours,
    double? TrainedToEvaluatedHours,
    double? EvaluatedToDeployedHours);
