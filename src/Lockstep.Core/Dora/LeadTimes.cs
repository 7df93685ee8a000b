namespace Lockstep.Core.Dora;

/// <summary>
/// Lead time for changes per commit: deployment finished − commit time. A commit counts at the first production
/// deployment that brought it; a squash merge's commit is replaced by the PR's own commits when the event has them.
/// </summary>
internal static class LeadTimes
{
    /// <param name="deployments">One lane's production deployments ordered by finish time.</param>
    /// <returns>Deployment id → lead times in hours of the commits it brought first.</returns>
    public static Dictionary<string, double[]> PerDeployment(IReadOnlyList<Deployment> deployments, DoraSettings settings, List<string> notes, bool firstInHistory = true)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var bound = TimeSpan.FromDays(settings.WindowDays);
        for (var index = 0; index < deployments.Count; index++)
        {
            var deployment = deployments[index];
            var commits = deployment.Pr is { Commits.Count: > 0 } pr ? pr.Commits : deployment.Commits;
            var hours = new List<double>(commits.Count);
            var dropped = 0;
            foreach (var commit in commits)
            {
                if (TimeOf(commit, settings.CommitTime) is not { } time || time > deployment.FinishedAt || !seen.Add(commit.Sha))
                {
                    continue;
                }

                // The first deployment has no predecessor to bound its commits: older ones than a window are history.
                if (firstInHistory && index == 0 && deployment.FinishedAt - time > bound)
                {
                    dropped++;
                    continue;
                }

                hours.Add((deployment.FinishedAt - time).TotalHours);
            }

            if (dropped > 0)
            {
                notes.Add($"first deployment {deployment.Id}: {dropped} commit(s) older than {settings.WindowDays} days before it were left out (no earlier deployment bounds them)");
            }

            result[deployment.Id] = [.. hours];
        }

        return result;
    }

    /// <summary>The configured commit time, or the other one when it is missing.</summary>
    public static DateTimeOffset? TimeOf(CommitRef commit, CommitTime which) =>
        which == CommitTime.Authored ? commit.AuthoredAt ?? commit.CommittedAt : commit.CommittedAt ?? commit.AuthoredAt;
}
