using Lockstep.Core.Dora;
using Lockstep.GitHub.Deliveries;
using Lockstep.Http;
using Lockstep.Tests.Shared;

namespace Lockstep.GitHub.Tests.Deliveries;

/// <summary>The GitHub delivery source pointed at a <see cref="FakeDeliveryHistory"/>, on a clock whose waits fire at once.</summary>
internal sealed class SourceFixture : IDisposable
{
    public const string Token = "ghs_DeliverySourceToken0123456789abcdef";

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public SourceFixture() => GitHub = new FakeDeliveryHistory(Repository);

    public FakeRepository Repository { get; } = new();

    public FakeDeliveryHistory GitHub { get; }

    public FiringClock Clock { get; } = new(Now);

    /// <summary>The waits the retries made, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => Clock.Waits;

    public DeliveryCache Cache { get; private set; } = DeliveryCache.For(new Uri("http://127.0.0.1/"), "unused");

    /// <summary>Code deploys to <c>production</c>, models to <c>model-production</c>.</summary>
    public DoraSettings Dora { get; set; } = new()
    {
        Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = ["production"], [Lane.Model] = ["model-production"] },
    };

    public DateTimeOffset Since { get; set; } = Now.AddDays(-90);

    public TimeSpan Budget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A first run: an empty cache.</summary>
    public Task<DeliveryHistory> ReadAsync()
    {
        Cache = DeliveryCache.For(GitHub.ApiBase, $"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}");
        return ReadWithCacheAsync();
    }

    /// <summary>A later run: the cache goes through its file format first, as between two CI jobs.</summary>
    public Task<DeliveryHistory> ReadAgainAsync()
    {
        var json = DeliveryCacheJson.Serialize(Cache);
        Cache = DeliveryCacheJson.Load(json, GitHub.ApiBase, $"{FakeDeliveryHistory.Owner}/{FakeDeliveryHistory.Name}", out var note);
        Assert.Null(note);
        GitHub.ClearRequests();
        return ReadWithCacheAsync();
    }

    public void Dispose() => GitHub.Dispose();

    private Task<DeliveryHistory> ReadWithCacheAsync() =>
        GitHubDeliverySource.ReadAsync(
            new GitHubDeliverySettings
            {
                ApiBaseAddress = GitHub.ApiBase,
                Token = Token,
                Owner = FakeDeliveryHistory.Owner,
                Repository = FakeDeliveryHistory.Name,
                Since = Since,
                Dora = Dora,
                DoraSource = "lockstep.yml",
                Retry = new HttpRetryPolicy { Clock = Clock, Budget = Budget },
            },
            Cache,
            CancellationToken.None);
}
