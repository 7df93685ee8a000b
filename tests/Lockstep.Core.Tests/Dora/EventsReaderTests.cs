using Lockstep.Core.Dora;

namespace Lockstep.Core.Tests.Dora;

public class EventsReaderTests
{
    private const string Deployment =
        """{"type":"deployment","lane":"model","id":"m-7","environment":"production","sha":"c0ffee1","status":"rolled_back","created_at":"2026-11-20T09:00:00Z","finished_at":"2026-11-20T10:20:00+01:00","commits":[{"sha":"a1","authored_at":"2026-11-19T08:00:00Z","committed_at":"2026-11-19T09:00:00Z"}],"pr":{"number":42,"commits":[{"sha":"p1","committed_at":"2026-11-18T12:00:00Z"}]},"model_version":"1.4.0","stages":{"data_snapshot_at":"2026-11-17T00:00:00Z","trained_at":"2026-11-18T00:00:00Z","evaluated_at":"2026-11-19T00:00:00Z"},"unplanned":true,"fixes":["INC-3"]}""";

    private const string Incident =
        """{"type":"incident","lane":"code","id":"INC-3","opened_at":"2026-11-21T08:00:00Z","resolved_at":"2026-11-21T09:30:00Z","deployment_id":"d-1"}""";

    [Fact]
    public void Reads_deployments_and_incidents_with_every_field()
    {
        var events = EventsReader.Read([Deployment, "", Incident], "events.jsonl");

        var deployment = Assert.IsType<Deployment>(events[0]);
        Assert.Equal((Lane.Model, "m-7", DeploymentStatus.RolledBack, 1), (deployment.Lane, deployment.Id, deployment.Status, deployment.Line));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 20, 0, TimeSpan.Zero), deployment.FinishedAt.ToUniversalTime());
        Assert.Equal("a1", Assert.Single(deployment.Commits).Sha);
        Assert.Equal(42, deployment.Pr!.Number);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero), deployment.Stages!.TrainedAt);
        Assert.True(deployment.IsRework);

        var incident = Assert.IsType<Incident>(events[1]);
        Assert.Equal(("INC-3", "d-1", 3), (incident.Id, incident.DeploymentId, incident.Line));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1 << 20)]
    public void Reads_a_stream_in_blocks_with_lines_across_block_edges_and_a_bom(int blockSize)
    {
        var text = "\uFEFF" + string.Concat(Enumerable.Range(0, 50).Select(i => Incident.Replace("INC-3", $"INC-{i}", StringComparison.Ordinal) + (i % 7 == 0 ? "\r\n\n" : "\n")));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var events = EventsReader.Read(stream, "events.jsonl", blockSize: blockSize).Events;

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"INC-{i}"), events.Select(e => e.Id));
        Assert.Equal(EventsReader.Read(text.TrimStart('\uFEFF').Split('\n'), "events.jsonl").Select(e => e.Line), events.Select(e => e.Line));
    }

    [Fact]
    public void Events_before_the_horizon_are_checked_but_not_kept()
    {
        var old = Incident.Replace("INC-3", "old", StringComparison.Ordinal).Replace("2026-11-21T08:00:00Z", "2026-01-01T00:00:00Z", StringComparison.Ordinal).Replace("2026-11-21T09:30:00Z", "2026-01-01T01:00:00Z", StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(old + "\n" + Incident + "\n"));

        var log = EventsReader.Read(stream, "events.jsonl", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["INC-3"], log.Events.Select(e => e.Id));
        Assert.True(log.EarlierHistoryDropped);
    }

    [Fact]
    public void Events_already_read_are_cut_at_the_horizon_as_the_reader_cuts_them()
    {
        var old = Incident.Replace("INC-3", "old", StringComparison.Ordinal).Replace("2026-11-21T08:00:00Z", "2026-01-01T00:00:00Z", StringComparison.Ordinal).Replace("2026-11-21T09:30:00Z", "2026-01-01T01:00:00Z", StringComparison.Ordinal);
        var all = EventsReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(old + "\n" + Incident + "\n")), "events.jsonl").Events;
        var horizon = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

        var cut = EventLog.Since(all, horizon);

        Assert.Equal(["INC-3"], cut.Events.Select(e => e.Id));
        Assert.True(cut.EarlierHistoryDropped);
        var uncut = EventLog.Since(all, null);
        Assert.Equal(2, uncut.Events.Count);
        Assert.False(uncut.EarlierHistoryDropped);

        // Exactly at the horizon is kept, as the reader keeps it.
        Assert.Equal(["INC-3"], EventLog.Since(all, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero)).Events.Select(e => e.Id));
    }

    [Fact]
    public void A_bad_line_before_the_horizon_is_still_an_error()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\",\"opened_at\":\"2020-01-01T00:00:00Z\",\"resolved_at\":\"2019-01-01T00:00:00Z\"}\n"));

        var error = Assert.Throws<InputException>(() => EventsReader.Read(stream, "events.jsonl", DateTimeOffset.MaxValue));

        Assert.StartsWith("events.jsonl:1: resolved_at:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"incident","lane":"model","id":"d","opened_at":"2026-12-01T09:00:00Z","drill":"data-center"}""", "events.jsonl:1: drill: expected feature-store, model-registry or training-cluster, got 'data-center'")]
    [InlineData("""{"type":"incident","lane":"model","id":"d","opened_at":"2026-12-01T09:00:00Z","drill":7}""", "events.jsonl:1: $.drill: expected a string")]
    [InlineData("""{"type":"deployment","lane":"model","id":"m","environment":"production","status":"success","created_at":"2026-12-01T09:00:00Z","finished_at":"2026-12-01T09:00:00Z","drill":"feature-store"}""", "events.jsonl:1: drill: only an incident can be a drill")]
    public void A_drill_that_is_not_a_known_scenario_of_an_incident_is_an_error_naming_line_and_field(string line, string expected)
    {
        var error = Assert.Throws<InputException>(() => EventsReader.Read([line], "events.jsonl"));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("{\"sha\":\"\"}", "commits[0].sha: missing")]
    [InlineData("{\"sha\":\"a\",\"committed_at\":\"soon\"}", "$.commits[0].committed_at: expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'soon'")]
    [InlineData("{\"sha\":\"a\",\"size\":1}", "$.commits[0].size: unknown property 'size'")]
    public void Commits_of_events_before_the_horizon_are_still_checked(string commit, string expected)
    {
        var line = "{\"type\":\"deployment\",\"lane\":\"code\",\"id\":\"d\",\"environment\":\"p\",\"status\":\"success\",\"created_at\":\"2020-01-01T00:00:00Z\",\"finished_at\":\"2020-01-01T00:10:00Z\",\"commits\":[" + commit + "]}\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(line));

        var error = Assert.Throws<InputException>(() => EventsReader.Read(stream, "events.jsonl", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal($"events.jsonl:1: {expected}", error.Message);
    }

    [Fact]
    public void Timestamps_without_an_offset_are_UTC()
    {
        var incident = Assert.IsType<Incident>(Assert.Single(EventsReader.Read(["{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\",\"opened_at\":\"2026-11-21T09:00:00\"}"], "e.jsonl")));

        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), incident.OpenedAt);
        Assert.Equal(TimeSpan.Zero, incident.OpenedAt.Offset);
    }

    [Fact]
    public void A_stream_error_names_the_file_line()
    {
        var text = Incident + "\n\n" + "{\"type\":\"release\",\"lane\":\"code\",\"id\":\"x\"}\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var error = Assert.Throws<InputException>(() => EventsReader.Read(stream, "events.jsonl", blockSize: 32));

        Assert.StartsWith("events.jsonl:3: type:", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadLines => new()
    {
        { "{\"type\":\"deployment\",", "events.jsonl:2: $: invalid JSON" },
        { "{\"type\":\"release\",\"lane\":\"code\",\"id\":\"x\"}", "events.jsonl:2: type: expected deployment or incident, got 'release'" },
        { "{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\",\"opened_at\":\"2026-11-21T09:00:00Z\",\"resolved_at\":\"2026-11-21T08:00:00Z\"}", "events.jsonl:2: resolved_at: the incident was resolved before it opened" },
        { "{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\"}", "events.jsonl:2: opened_at: missing: expected an ISO 8601 timestamp" },
        { "{\"type\":\"deployment\",\"lane\":\"code\",\"id\":\"d\",\"status\":\"success\",\"created_at\":\"2026-11-21T09:00:00Z\",\"finished_at\":\"2026-11-21T09:10:00Z\"}", "events.jsonl:2: environment: missing" },
        { "{\"type\":\"incident\",\"lane\":\"data\",\"id\":\"i\",\"opened_at\":\"2026-11-21T09:00:00Z\"}", "events.jsonl:2: lane: expected code or model, got 'data'" },
        { "{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\",\"opened_at\":\"yesterday\"}", "events.jsonl:2: $.opened_at: expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'yesterday'" },
        { "{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\",\"opened_at\":\"2026-11-21T09:00:00Z\",\"severity\":1}", "events.jsonl:2: $.severity: unknown property 'severity'" },
        { Incident, "events.jsonl:2: id: duplicate incident id 'INC-3' in lane code" },
        { "{\"type\":\"incident\",\"lane\":\"code\",\"id\":\" \",\"opened_at\":\"2026-11-21T09:00:00Z\"}", "events.jsonl:2: id: missing" },
        { "{\"type\":\"deployment\",\"lane\":\"code\",\"id\":\"d\",\"environment\":\"p\",\"status\":\"success\",\"created_at\":\"2026-11-21T09:00:00Z\",\"finished_at\":\"2026-11-21T09:10:00Z\",\"commits\":[{\"sha\":null}]}", "events.jsonl:2: commits[0].sha: missing" },
        { "{\"type\":\"deployment\",\"lane\":\"code\",\"id\":\"d\",\"environment\":\"p\",\"status\":\"done\",\"created_at\":\"2026-11-21T09:00:00Z\",\"finished_at\":\"2026-11-21T09:10:00Z\"}", "events.jsonl:2: status: expected success, failure or rolled_back, got 'done'" },
        { "{\"type\":\"deployment\",\"lane\":\"code\",\"id\":\"d\",\"environment\":\"p\",\"status\":\"success\",\"created_at\":\"2026-11-21T09:00:00Z\",\"finished_at\":\"2026-11-21T08:10:00Z\"}", "events.jsonl:2: finished_at: the deployment finished before it was created" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void Bad_line_is_one_error_naming_the_line_and_field(string line, string expectedStart)
    {
        var error = Assert.Throws<InputException>(() => EventsReader.Read([Incident, line], "events.jsonl"));

        Assert.True(error.Message.StartsWith(expectedStart, StringComparison.Ordinal), error.Message);
    }
}
