using Lockstep.Core.Dora;

namespace Lockstep.Core.Tests.Dora;

/// <summary>Builders for hand-computed DORA fixtures; every time is UTC unless a test says otherwise.</summary>
internal static class Events
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static Deployment Deploy(string id, DateTimeOffset finished, Lane lane = Lane.Code, DeploymentStatus status = DeploymentStatus.Success, params TimeSpan[] commitAges) => new()
    {
        Lane = lane,
        Id = id,
        Environment = "production",
        Status = status,
        CreatedAt = finished.AddMinutes(-5),
        FinishedAt = finished,
        Commits = commitAges.Select((age, i) => new CommitRef { Sha = $"{id}-c{i}", CommittedAt = finished - age }).ToList(),
    };

    public static Incident Incident(string id, DateTimeOffset opened, TimeSpan? open = null, string? deployment = null, Lane lane = Lane.Code) => new()
    {
        Lane = lane,
        Id = id,
        OpenedAt = opened,
        ResolvedAt = open is { } duration ? opened + duration : null,
        DeploymentId = deployment,
    };

    public static DoraReport Calculate(DoraSettings settings, params DeliveryEvent[] events) => DoraCalculator.Calculate(events, settings, AsOf);

    public static DoraReport Calculate(params DeliveryEvent[] events) => Calculate(new DoraSettings(), events);

    public static LaneReport Code(this DoraReport report) => report.Lanes.Single(l => l.Lane == Lane.Code);

    public static LaneReport Model(this DoraReport report) => report.Lanes.Single(l => l.Lane == Lane.Model);

    public static DateTimeOffset DaysAgo(double days) => AsOf.AddDays(-days);
}
