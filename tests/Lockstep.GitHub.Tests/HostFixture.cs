using Lockstep.Core.Platform;
using Lockstep.Http;
using Lockstep.Tests.Shared;

namespace Lockstep.GitHub.Tests;

/// <summary>A <see cref="GitHubPullRequestHost"/> (and its settings) pointed at a <see cref="FakeGitHub"/>, on a clock whose waits fire at once.</summary>
internal sealed class HostFixture : IDisposable
{
    public const string Token = "ghs_LockstepTestToken0123456789abcdef";

    public static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly PullRequestTarget Target = new(FakeGitHub.Owner, FakeGitHub.Repo, FakeGitHub.Number);

    public HostFixture(string? author = null, TimeSpan? budget = null)
    {
        Settings = new GitHubHostSettings
        {
            ApiBaseAddress = GitHub.ApiBase,
            Token = Token,
            CommentAuthor = author,
            Retry = new HttpRetryPolicy { Clock = Clock, Budget = budget ?? TimeSpan.FromMinutes(2) },
        };
        Host = new GitHubPullRequestHost(Settings);
    }

    /// <summary>The settings the host was built with, for other GitHub clients against the same fake.</summary>
    public GitHubHostSettings Settings { get; }

    public FakeGitHub GitHub { get; } = new();

    public GitHubPullRequestHost Host { get; }

    public FiringClock Clock { get; } = new(Now);

    /// <summary>The waits the retries made, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => Clock.Waits;

    public Task<CommentResult> Post(string markdown, CommentMode mode = CommentMode.Always, string reportId = "gate", bool failing = false) =>
        Host.UpsertReportAsync(Target, reportId, markdown, mode, failing, CancellationToken.None);

    public void Dispose() => GitHub.Dispose();
}
