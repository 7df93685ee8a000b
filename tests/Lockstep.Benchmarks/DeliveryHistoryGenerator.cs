using Lockstep.GitHub.Tests.Deliveries;

namespace Lockstep.Benchmarks;

/// <summary>
/// A seeded repository history for <see cref="GitHubRequests"/>: one deployment in ten is the model lane's (to
/// <c>model-production</c>), the rest the code lane's (to <c>production</c>); seven in ten bring one squash-merged pull
/// request of one to five commits, the others one to three direct commits; one in twenty fails and one in thirty is
/// rolled back; one incident issue per 25 deployments.
/// </summary>
internal static class DeliveryHistoryGenerator
{
    public static FakeRepository Generate(int deployments, int days, int seed, DateTimeOffset end)
    {
        var random = new Random(seed);
        var repository = new FakeRepository();
        var start = end.AddDays(-days);
        var step = TimeSpan.FromTicks((end - start).Ticks / (deployments + 1));
        var pull = 1;
        var issue = 1;
        FakeCommit? modelHead = null;
        for (var i = 0; i < deployments; i++)
        {
            var at = start + (step * (i + 1));
            if (i % 10 == 9 && modelHead is not null)
            {
                Deploy(repository, random, modelHead.Sha, "model-production", at);
                continue;
            }

            FakeCommit head;
            if (random.NextDouble() < 0.7)
            {
                var own = Enumerable.Range(0, random.Next(1, 6)).Select(k => at.AddHours(-random.NextDouble() * 72)).Order().ToArray();
                head = repository.SquashMerge(pull++, at.AddMinutes(-20), own);
            }
            else
            {
                head = Enumerable.Range(0, random.Next(1, 4)).Select(k => repository.Commit(at.AddHours(-random.NextDouble() * 24).AddMinutes(-30))).ToList()[^1];
            }

            modelHead = head;
            Deploy(repository, random, head.Sha, "production", at);
            if (i % 25 == 3)
            {
                repository.Issue(issue++, at.AddHours(2), at.AddHours(2 + (random.NextDouble() * 10)), i % 50 == 3 ? "model-incident" : "incident");
            }
        }

        return repository;
    }

    /// <summary>What happens between two runs: one more code deployment and one more incident.</summary>
    public static void AddOneMore(FakeRepository repository, DateTimeOffset at)
    {
        var commit = repository.Commit(at.AddMinutes(10));
        repository.Deploy(commit.Sha, "production", at.AddMinutes(20), ("success", 5));
        repository.Issue(repository.Issues.Count + 1, at.AddMinutes(40), null, "incident");
    }

    private static void Deploy(FakeRepository repository, Random random, string sha, string environment, DateTimeOffset at)
    {
        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            repository.Deploy(sha, environment, at, ("in_progress", 1), ("failure", 6));
        }
        else if (roll < 0.05 + (1.0 / 30))
        {
            repository.Deploy(sha, environment, at, ("in_progress", 1), ("success", 6), ("failure", 50));
        }
        else
        {
            repository.Deploy(sha, environment, at, ("in_progress", 1), ("success", 6));
        }
    }
}
