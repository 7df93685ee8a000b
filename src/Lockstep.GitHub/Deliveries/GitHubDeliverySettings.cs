using Lockstep.Core.Dora;
using Lockstep.Http;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// Which repository's delivery history to read, from when, with which lanes. A class, not a record, so that
/// printing it never shows the token.
/// </summary>
public sealed class GitHubDeliverySettings
{
    /// <summary>The REST API's base address: <c>https://api.github.com/</c> or a GitHub Enterprise Server's <c>https://host/api/v3/</c>.</summary>
    public Uri ApiBaseAddress { get; init; } = GitHubHostSettings.PublicApi;

    public required string Token { get; init; }

    public required string Owner { get; init; }

    public required string Repository { get; init; }

    /// <summary>Deployments, runs and incidents created before this are not read.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>The policy's <c>dora:</c> section: each lane's environments, incident labels and deploy workflows.</summary>
    public DoraSettings Dora { get; init; } = new();

    /// <summary>Where <see cref="Dora"/> came from, for messages about it: the policy's file name.</summary>
    public string DoraSource { get; init; } = "dora settings";

    public HttpRetryPolicy Retry { get; init; } = new();

    /// <summary>Called after every answer from GitHub, with the requests so far.</summary>
    public Action<RequestCount>? Progress { get; init; }

    public string FullName => $"{Owner}/{Repository}";
}
