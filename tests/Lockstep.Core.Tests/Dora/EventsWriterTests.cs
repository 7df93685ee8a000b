using Lockstep.Core.Dora;

namespace Lockstep.Core.Tests.Dora;

public class EventsWriterTests
{
    [Fact]
    public void Every_field_written_reads_back_the_same()
    {
        const string deployment =
            """{"type":"deployment","lane":"model","id":"m-7","environment":"production","sha":"c0ffee1","status":"rolled_back","created_at":"2026-11-20T09:00:00Z","finished_at":"2026-11-20T09:20:00.5Z","commits":[{"sha":"a1","authored_at":"2026-11-19T08:00:00Z","committed_at":"2026-11-19T09:00:00Z"}],"pr":{"number":42,"commits":[{"sha":"p1","committed_at":"2026-11-18T12:00:00Z"}]},"model_version":"1.4.0","stages":{"data_snapshot_at":"2026-11-17T00:00:00Z","trained_at":"2026-11-18T00:00:00Z","evaluated_at":"2026-11-19T00:00:00Z"},"unplanned":true,"fixes":["INC-3"]}""";
        const string incident = """{"type":"incident","lane":"code","id":"INC-3","opened_at":"2026-11-21T08:00:00Z","resolved_at":"2026-11-21T09:30:00Z","deployment_id":"m-7"}""";

        var written = EventsWriter.Write(EventsReader.Read([deployment, incident], "events.jsonl"));

        Assert.Equal($"{deployment}\n{incident}\n", written);
    }

    [Fact]
    public void A_drill_incident_reads_back_the_same_with_its_scenario()
    {
        const string open = """{"type":"incident","lane":"model","id":"drill-1","opened_at":"2026-12-01T09:00:00Z","drill":"training-cluster"}""";
        const string resolved = """{"type":"incident","lane":"model","id":"drill-2","opened_at":"2026-12-01T09:00:00Z","resolved_at":"2026-12-01T11:30:00Z","drill":"feature-store"}""";

        var events = EventsReader.Read([open, resolved], "events.jsonl");

        Assert.Equal(["training-cluster", "feature-store"], events.Cast<Incident>().Select(i => i.Drill));
        Assert.Equal($"{open}\n{resolved}\n", EventsWriter.Write(events));
    }

    [Fact]
    public void Times_are_written_in_utc_and_unset_values_are_left_out()
    {
        var line = EventsWriter.Line(new Deployment
        {
            Lane = Lane.Code,
            Id = "42@production",
            Environment = "production",
            Status = DeploymentStatus.Success,
            CreatedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1)),
            FinishedAt = new DateTimeOffset(2026, 11, 20, 10, 9, 0, TimeSpan.FromHours(1)),
        });

        Assert.Equal(
            """{"type":"deployment","lane":"code","id":"42@production","environment":"production","status":"success","created_at":"2026-11-20T09:00:00Z","finished_at":"2026-11-20T09:09:00Z"}""",
            line);
    }
}
