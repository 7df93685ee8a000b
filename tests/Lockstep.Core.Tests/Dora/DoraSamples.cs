using Lockstep.Core.Dora;

namespace Lockstep.Core.Tests.Dora;

/// <summary>
/// A small two-lane history, made by hand so every number can be checked on paper. Window: 7 days to
/// 2026-03-15 12:00 UTC; current window (03-08 12:00, 03-15 12:00], previous (03-01 12:00, 03-08 12:00].
/// </summary>
internal static class DoraSamples
{
    public static readonly DateTimeOffset AsOf = At("03-15T12:00");

    public static readonly DoraSettings Settings = new() { WindowDays = 7 };

    /// <summary>
    /// Code, current: c3 (squash; PR commits 48 h, 24 h), c4 (rolled back; 4 h), c5 (unplanned fix; 0.5 h), c6 (24 h, 2 h):
    /// lead times 0.5, 2, 4, 24, 24, 48 → median 14 h, P95 42 h; failed c4 and c6 (open incident i3) → 50 %; rework 25 %;
    /// restore i2 16.5 h. Code, previous: c1 (24 h), c2 (6 h, incident i1 restored in 2 h) → median 15 h, 50 %.
    /// Model, current: m2 (72 h, 60 h; stages 18 h, 6 h, 36 h); model, previous: m1 (76 h). i4 is unattributed.
    /// c1, the first code deployment, brings a commit older than the window, which is left out with a note.
    /// </summary>
    public static IReadOnlyList<DeliveryEvent> Events() =>
    [
        Code("c1", "03-03T10:00", Commit("a0", "02-20T10:00"), Commit("a1", "03-02T10:00")),
        Code("c2", "03-05T15:00", Commit("a2", "03-05T09:00")),
        Incident(Lane.Code, "i1", "03-05T18:00", "03-05T20:00"),
        Code("c3", "03-09T11:00", Commit("s3", "03-09T10:30")) with
        {
            Pr = new PullRequestRef { Number = 41, Commits = [Commit("p1", "03-07T11:00"), Commit("p2", "03-08T11:00")] },
        },
        Code("c4", "03-10T16:00", Commit("a4", "03-10T12:00")) with { Status = DeploymentStatus.RolledBack },
        Incident(Lane.Code, "i2", "03-10T17:00", "03-11T09:30") with { DeploymentId = "c4" },
        Code("c5", "03-11T09:00", Commit("a5", "03-11T08:30")) with { Unplanned = true, Fixes = ["i2"] },
        Code("c6", "03-13T14:00", Commit("a6", "03-12T14:00"), Commit("a7", "03-13T12:00")),
        Code("s1", "03-12T10:00", Commit("a8", "03-12T09:00")) with { Environment = "staging" },
        Incident(Lane.Code, "i3", "03-14T10:00", null),
        Model("m1", "03-04T12:00", new StageTimes { DataSnapshotAt = At("03-01T12:00"), TrainedAt = At("03-02T00:00"), EvaluatedAt = At("03-02T06:00") }, Commit("b1", "03-01T08:00")),
        Model("m2", "03-12T12:00", new StageTimes { DataSnapshotAt = At("03-10T00:00"), TrainedAt = At("03-10T18:00"), EvaluatedAt = At("03-11T00:00") }, Commit("b2", "03-09T12:00"), Commit("b3", "03-10T00:00")),
        Incident(Lane.Model, "i4", "03-14T09:00", "03-14T12:00"),
    ];

    public static DoraReport Report() => DoraCalculator.Calculate(Events(), Settings, AsOf);

    public static DateTimeOffset At(string monthDayTime) => DateTimeOffset.Parse($"2026-{monthDayTime}:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public static CommitRef Commit(string sha, string committed) => new() { Sha = sha, CommittedAt = At(committed) };

    /// <summary>A lane whose current window holds exactly these lead times, for placing a PR in it.</summary>
    public static LaneReport LaneWith(params double[] leadTimesHours)
    {
        var window = new WindowMetrics
        {
            From = AsOf.AddDays(-7),
            To = AsOf,
            Deployments = 0,
            DeploysPerDay = 0,
            DeployDaysPerWeek = 0,
            FrequencyLevel = PerformanceLevel.Low,
            Commits = leadTimesHours.Length,
            FailedDeployments = 0,
            RestoredIncidents = 0,
            ReworkDeployments = 0,
            Evidence = new Evidence { Deployments = [], FailedDeployments = [], ReworkDeployments = [], RestoredIncidents = [], OpenIncidents = [] },
        };
        return new LaneReport
        {
            Lane = Lane.Model,
            Current = window,
            Previous = window,
            Deltas = [],
            DailyDeployments = [],
            RollingChangeFailureRate = [],
            LeadTimesHours = leadTimesHours,
        };
    }

    private static Deployment Code(string id, string finished, params CommitRef[] commits) => new()
    {
        Lane = Lane.Code,
        Id = id,
        Environment = "production",
        Status = DeploymentStatus.Success,
        CreatedAt = At(finished).AddMinutes(-10),
        FinishedAt = At(finished),
        Commits = commits,
    };

    private static Deployment Model(string id, string finished, StageTimes stages, params CommitRef[] commits) => new()
    {
        Lane = Lane.Model,
        Id = id,
        Environment = "production",
        Status = DeploymentStatus.Success,
        CreatedAt = At(finished).AddMinutes(-30),
        FinishedAt = At(finished),
        Commits = commits,
        ModelVersion = $"1.{id[1..]}.0",
        Stages = stages with { DeployedAt = At(finished) },
    };

    private static Incident Incident(Lane lane, string id, string opened, string? resolved) => new()
    {
        Lane = lane,
        Id = id,
        OpenedAt = At(opened),
        ResolvedAt = resolved is null ? null : At(resolved),
    };
}
