using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lockstep.GitHub.Tests.Deliveries;

/// <summary>
/// A repository's delivery history as GitHub holds it: a linear main branch, deployments with statuses, squash-merged
/// pull requests, issues and deploy workflow runs. <see cref="FakeDeliveryHistory"/> serves it over REST.
/// </summary>
internal sealed class FakeRepository
{
    private int shas;
    private long nextDeployment = 1_000;
    private long nextStatus = 50_000;
    private long nextRun = 9_000_000;

    public List<FakeCommit> Main { get; } = [];

    /// <summary>Commits that are not on main: the original commits of squash-merged pull requests.</summary>
    public Dictionary<string, FakeCommit> Others { get; } = new(StringComparer.Ordinal);

    public List<FakeDeployment> Deployments { get; } = [];

    public List<FakePull> Pulls { get; } = [];

    public List<FakeIssue> Issues { get; } = [];

    public List<FakeRun> Runs { get; } = [];

    public FakeCommit? Find(string sha) =>
        Main.FirstOrDefault(c => c.Sha == sha) ?? Others.GetValueOrDefault(sha);

    /// <summary>A commit on main; its parent is the previous commit on main.</summary>
    public FakeCommit Commit(DateTimeOffset committedAt, DateTimeOffset? authoredAt = null, string message = "change")
    {
        var commit = new FakeCommit(NewSha(), Main.Count > 0 ? Main[^1].Sha : null, authoredAt ?? committedAt, committedAt, message);
        Main.Add(commit);
        return commit;
    }

    /// <summary>A pull request whose commits were squashed into one new commit on main at <paramref name="mergedAt"/>.</summary>
    public FakeCommit SquashMerge(int number, DateTimeOffset mergedAt, params DateTimeOffset[] committedAt)
    {
        var own = committedAt.Select(at => new FakeCommit(NewSha(), null, at, at, "work")).ToList();
        foreach (var commit in own)
        {
            Others[commit.Sha] = commit;
        }

        var squash = Commit(mergedAt, message: $"Squashed change (#{number})");
        Pulls.Add(new FakePull(number, squash.Sha, mergedAt, own));
        return squash;
    }

    /// <summary>A deployment with statuses given as (state, minutes after creation).</summary>
    public FakeDeployment Deploy(string sha, string environment, DateTimeOffset createdAt, params (string State, double Minutes)[] statuses)
    {
        var deployment = new FakeDeployment(nextDeployment++, sha, environment, createdAt);
        foreach (var (state, minutes) in statuses)
        {
            deployment.Statuses.Add(new FakeStatus(nextStatus++, state, createdAt.AddMinutes(minutes)));
        }

        Deployments.Add(deployment);
        return deployment;
    }

    public void AddStatus(FakeDeployment deployment, string state, DateTimeOffset at) =>
        deployment.Statuses.Add(new FakeStatus(nextStatus++, state, at));

    public FakeIssue Issue(int number, DateTimeOffset openedAt, DateTimeOffset? closedAt, params string[] labels)
    {
        var issue = new FakeIssue(number, [.. labels], openedAt, closedAt, closedAt ?? openedAt, false);
        Issues.Add(issue);
        return issue;
    }

    public FakeRun Run(string workflow, string sha, DateTimeOffset createdAt, string status, string? conclusion, double minutes)
    {
        var run = new FakeRun(nextRun++, workflow, sha, createdAt) { Status = status, Conclusion = conclusion, UpdatedAt = createdAt.AddMinutes(minutes) };
        Runs.Add(run);
        return run;
    }

    // Forty hex digits, like a Git SHA-1, derived from a counter.
    private string NewSha() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((++shas).ToString(CultureInfo.InvariantCulture))))[..40];
}

internal sealed record FakeCommit(string Sha, string? Parent, DateTimeOffset AuthoredAt, DateTimeOffset CommittedAt, string Message);

internal sealed record FakeDeployment(long Id, string Sha, string Environment, DateTimeOffset CreatedAt)
{
    public List<FakeStatus> Statuses { get; } = [];

    /// <summary>The deployment's free-form payload, as JSON text.</summary>
    public string Payload { get; init; } = "{}";
}

internal sealed record FakeStatus(long Id, string State, DateTimeOffset At);

internal sealed record FakePull(int Number, string MergeCommitSha, DateTimeOffset MergedAt, List<FakeCommit> Commits);

internal sealed record FakeIssue(int Number, List<string> Labels, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, DateTimeOffset UpdatedAt, bool IsPullRequest)
{
    public DateTimeOffset? ClosedAt { get; set; } = ClosedAt;

    public DateTimeOffset UpdatedAt { get; set; } = UpdatedAt;
}

internal sealed record FakeRun(long Id, string Workflow, string HeadSha, DateTimeOffset CreatedAt)
{
    public string Status { get; set; } = "completed";

    public string? Conclusion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
