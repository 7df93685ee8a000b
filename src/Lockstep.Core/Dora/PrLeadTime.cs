using Lockstep.Core.Metrics;

namespace Lockstep.Core.Dora;

/// <summary>
/// A pull request's lead time if it were deployed now, placed in its lane's distribution of lead times: the lane's
/// median and P95 and the share of the lane's lead times that are at most as long (the percentile rank).
/// </summary>
public sealed record PrLeadTimeView(
    double HoursSoFar,
    string StartedFrom,
    double? LaneMedianHours,
    double? LaneP95Hours,
    double? PercentileRank,
    int LaneSamples);

public static class PrLeadTime
{
    public const string FromFirstCommit = "first commit";

    public const string FromPrOpened = "PR opened";

    /// <param name="commits">The PR's commits; their configured commit time (or the other when missing) starts the clock.</param>
    /// <param name="openedAt">When the PR was opened: the start when no commit time is known.</param>
    /// <param name="lane">The lane's report, whose current-window lead times the PR is compared with; null for none.</param>
    public static PrLeadTimeView Calculate(
        IReadOnlyList<CommitRef> commits, DateTimeOffset openedAt, DateTimeOffset now, LaneReport? lane, CommitTime commitTime)
    {
        var commitTimes = commits.Select(c => LeadTimes.TimeOf(c, commitTime)).OfType<DateTimeOffset>().ToList();
        var (start, startedFrom) = commitTimes.Count > 0 ? (commitTimes.Min(), FromFirstCommit) : (openedAt, FromPrOpened);

        // A clock that starts after `now` (an as-of before the PR existed) has not started yet.
        var hours = Math.Max(0, (now - start).TotalHours);

        var sample = (lane?.LeadTimesHours ?? []).Order().ToArray();
        if (sample.Length == 0)
        {
            return new PrLeadTimeView(hours, startedFrom, null, null, null, 0);
        }

        return new PrLeadTimeView(
            hours,
            startedFrom,
            Percentile.Linear(sample, 50),
            Percentile.Linear(sample, 95),
            sample.Count(h => h <= hours) / (double)sample.Length,
            sample.Length);
    }
}
