using Lockstep.Core.Slo;

namespace Lockstep.Prometheus.Tests.Harness;

/// <summary>One Prometheus over <see cref="KnownSeries"/>, with the burn-rate rules of <see cref="Slo"/> loaded, for the whole collection.</summary>
public sealed class KnownSeriesServer : IAsyncLifetime
{
    public static PrometheusRuleSlo Slo { get; } = new("test-availability", 0.995, 28, $"{KnownSeries.Metric}{{code!~\"5..\"}}", KnownSeries.Metric);

    private PrometheusServer? server;

    public PrometheusServer Server => server ?? throw new InvalidOperationException("the server has not started");

    public async Task InitializeAsync() => server = await PrometheusServer.StartAsync(KnownSeries.OpenMetrics(), PrometheusRules.Write([Slo]));

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PrometheusUsers : ICollectionFixture<KnownSeriesServer>
{
    public const string Name = "prometheus";
}
