using Lockstep.Http;

namespace Lockstep.Prometheus;

/// <summary>Where the Prometheus HTTP API is, the extra headers to send, and how long to keep trying.</summary>
public sealed record PrometheusSettings(Uri Address)
{
    public IReadOnlyList<PrometheusHeader> Headers { get; init; } = [];

    public HttpRetryPolicy Retry { get; init; } = new();

    /// <summary>The address as messages show it: without user information, query or trailing slash.</summary>
    public string Shown => new UriBuilder(Address) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }
        .Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
