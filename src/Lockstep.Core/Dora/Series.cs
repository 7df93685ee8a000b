namespace Lockstep.Core.Dora;

/// <summary>Day-by-day series for charts: deployments per day, and the change failure rate over a trailing window.</summary>
internal static class Series
{
    /// <summary>The UTC day of the window's last instant (a window ending at midnight ends the day before).</summary>
    public static DateOnly LastDay(DateTimeOffset asOf) => DateOnly.FromDateTime(asOf.UtcDateTime.AddTicks(-1));

    public static List<DailyCount> DailyCounts(IReadOnlyList<Deployment> deployments, DateTimeOffset asOf, int days)
    {
        var last = LastDay(asOf);
        var first = last.AddDays(-(days - 1));
        var counts = new int[days];
        foreach (var deployment in deployments)
        {
            var day = DateOnly.FromDateTime(deployment.FinishedAt.UtcDateTime);
            if (day >= first && day <= last && deployment.FinishedAt <= asOf)
            {
                counts[day.DayNumber - first.DayNumber]++;
            }
        }

        return counts.Select((count, i) => new DailyCount(first.AddDays(i), count)).ToList();
    }

    /// <summary>For each of the last <paramref name="days"/> days, the rate over the <paramref name="windowDays"/> days ending with it.</summary>
    public static List<DailyRate> RollingChangeFailureRate(
        IReadOnlyList<Deployment> deployments, IReadOnlyDictionary<string, List<Incident>> incidentsByDeployment, DateTimeOffset asOf, int days, int windowDays)
    {
        var last = LastDay(asOf);
        var rates = new List<DailyRate>(days);
        var finished = deployments.Where(d => d.FinishedAt <= asOf).ToList();
        int start = 0, end = 0, total = 0, failed = 0;
        for (var offset = days - 1; offset >= 0; offset--)
        {
            var day = last.AddDays(-offset);
            var dayEnd = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            var windowStart = dayEnd.AddDays(-windowDays);
            while (end < finished.Count && finished[end].FinishedAt < dayEnd)
            {
                total++;
                failed += LaneCalculator.Failed(finished[end], incidentsByDeployment) ? 1 : 0;
                end++;
            }

            while (start < end && finished[start].FinishedAt < windowStart)
            {
                total--;
                failed -= LaneCalculator.Failed(finished[start], incidentsByDeployment) ? 1 : 0;
                start++;
            }

            rates.Add(new DailyRate(day, total > 0 ? failed / (double)total : null));
        }

        return rates;
    }
}
