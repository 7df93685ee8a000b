using Lockstep.Core.Platform;
using Lockstep.Http;
using Lockstep.Tests.Shared;

namespace Lockstep.AzureDevOps.Tests;

/// <summary>A <see cref="FakeAzureDevOps"/> and the settings that point Lockstep at it, with waits recorded instead of slept.</summary>
internal sealed class AzureFixture : IDisposable
{
    /// <summary>Shaped like a job access token (a JWT), so it is sent as a bearer token.</summary>
    public const string Token = "eyJ0eXAiOiJKV1QifQ.eyJuYW1laWQiOiJidWlsZCJ9.c2lnbmF0dXJlLWxvY2tzdGVw";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static readonly PullRequestTarget Target = new(FakeAzureDevOps.Project, FakeAzureDevOps.RepositoryId, FakeAzureDevOps.PullRequestId);

    public AzureFixture(TimeSpan? budget = null, string token = Token)
    {
        Settings = new AzureDevOpsSettings
        {
            CollectionUri = Azure.CollectionUri,
            Project = FakeAzureDevOps.Project,
            Credential = AzureDevOpsCredential.FromToken(token),
            Retry = new HttpRetryPolicy { Clock = Clock, Budget = budget ?? TimeSpan.FromMinutes(2) },
        };
        Host = new AzureDevOpsPullRequestHost(Settings);
    }

    public FakeAzureDevOps Azure { get; } = new();

    public FiringClock Clock { get; } = new(Now);

    public AzureDevOpsSettings Settings { get; }

    public AzureDevOpsPullRequestHost Host { get; }

    public Task<CommentResult> Post(string markdown, CommentMode mode = CommentMode.Always, string reportId = "gate", bool failing = false) =>
        Host.UpsertReportAsync(Target, reportId, markdown, mode, failing, CancellationToken.None);

    public void Dispose()
    {
        Host.Dispose();
        Azure.Dispose();
    }
}
