using Lockstep.Core.Dora;
using Lockstep.Core.History;

namespace Lockstep.Core.Tests.History;

public class DeliveryRowsTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_deployment_keeps_its_canonical_line_and_typed_columns()
    {
        var deployment = new Deployment
        {
            Lane = Lane.Model, Id = "m-1", Environment = "production", Sha = "abc", Status = DeploymentStatus.RolledBack,
            CreatedAt = Recorded.AddHours(-2), FinishedAt = Recorded.AddHours(-1), ModelVersion = "1.4.0",
        };

        var row = DeliveryRows.From(deployment, Recorded);

        Assert.Equal(EventsWriter.Line(deployment), row.Line);
        Assert.Equal(FactId.Of(row.Line), row.Id);
        Assert.Equal((Recorded.AddHours(-1), "deployment", Lane.Model, "m-1", "production", "rolled_back", "abc", "1.4.0", Recorded),
            (row.At, row.Type, row.Lane, row.EventId, row.Environment, row.Status, row.Sha, row.ModelVersion, row.RecordedAt));
    }

    [Fact]
    public void An_incident_resolved_later_is_a_new_row_with_the_same_event()
    {
        var open = new Incident { Lane = Lane.Code, Id = "i-1", OpenedAt = Recorded };

        var first = DeliveryRows.From(open, Recorded);
        var later = DeliveryRows.From(open with { ResolvedAt = Recorded.AddHours(3) }, Recorded.AddDays(1));

        Assert.NotEqual(first.Id, later.Id);
        Assert.Equal(first.EventKey, later.EventKey);
        Assert.Equal(("open", "resolved"), (first.Status, later.Status));
    }
}
