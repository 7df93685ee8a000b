using System.Globalization;
using Lockstep.Core.Dora;
using Lockstep.GitHub.Deliveries;
using Lockstep.GitHub.Tests.Deliveries;

namespace Lockstep.Benchmarks;

/// <summary>
/// <c>github-requests [--deployments N] [--days N] [--seed N]</c>: the requests the GitHub DORA source uses on a
/// seeded repository history served by the tests' stand-in GitHub (WireMock.Net on loopback): a first run without a
/// cache, a re-run with the cache it left, and a run after one more deployment and one more incident.
/// </summary>
public static class GitHubRequests
{
    public static async Task<int> RunAsync(string[] args)
    {
        int deployments = 500, days = 90, seed = Synthetic.DefaultSeed;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--deployments": deployments = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    await Console.Error.WriteLineAsync($"error: unexpected '{args[i]}'\nusage: github-requests [--deployments N] [--days N] [--seed N]").ConfigureAwait(false);
                    return 2;
            }
        }

        var now = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        var repository = DeliveryHistoryGenerator.Generate(deployments, days, seed, now);
        using var github = new FakeDeliveryHistory(repository);
        var dora = new DoraSettings
        {
            Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = ["production"], [Lane.Model] = ["model-production"] },
        };
        var cache = DeliveryCache.For(github.ApiBase, $"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}");

        Console.WriteLine($"{deployments} deployments ({repository.Deployments.Count(d => d.Environment == "model-production")} of models), "
            + $"{repository.Main.Count} commits on main, {repository.Pulls.Count} squash-merged pull requests, {repository.Issues.Count} incident issues over {days} days");
        Console.WriteLine();
        Console.WriteLine("| Run | Requests | 304 Not Modified | Events | Cache file | Time |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var first = await MeasureAsync("first run, no cache", github, dora, now, days, cache).ConfigureAwait(false);
        cache = DeliveryCacheJson.Load(DeliveryCacheJson.Serialize(cache), github.ApiBase, cache.Repository, out _);
        var rerun = await MeasureAsync("re-run with the cache", github, dora, now, days, cache).ConfigureAwait(false);
        DeliveryHistoryGenerator.AddOneMore(repository, now);
        cache = DeliveryCacheJson.Load(DeliveryCacheJson.Serialize(cache), github.ApiBase, cache.Repository, out _);
        await MeasureAsync("after one more deployment and incident", github, dora, now.AddHours(1), days, cache).ConfigureAwait(false);
        return first.SequenceEqual(rerun) ? 0 : 1;
    }

    private static async Task<string[]> MeasureAsync(string run, FakeDeliveryHistory github, DoraSettings dora, DateTimeOffset now, int days, DeliveryCache cache)
    {
        github.ClearRequests();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var history = await GitHubDeliverySource.ReadAsync(
            new GitHubDeliverySettings
            {
                ApiBaseAddress = github.ApiBase,
                Token = "benchmark-token",
                Owner = FakeDeliveryHistory.Owner,
                Repository = FakeDeliveryHistory.Name,
                Since = now.AddDays(-days),
                Dora = dora,
            },
            cache,
            CancellationToken.None).ConfigureAwait(false);
        var size = DeliveryCacheJson.Serialize(cache).Length / 1e3;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {run} | {history.Requests.Sent:N0} | {history.Requests.NotModified:N0} | {history.Events.Count:N0} | {size:N0} kB | {watch.Elapsed.TotalSeconds:0.0} s |"));
        return EventsWriter.Write(history.Events).Split('\n');
    }
}
