using Lockstep.Core.Dora;
using Microsoft.Extensions.Time.Testing;

namespace Lockstep.Cli.Tests.Commands;

public sealed class DrillCommandTests : IDisposable
{
    private const string Deployment =
        """{"type":"deployment","lane":"model","id":"m1","environment":"production","status":"success","created_at":"2026-11-30T08:00:00Z","finished_at":"2026-11-30T08:10:00Z"}""";

    private readonly CliHarness cli = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) };

    [Fact]
    public void Start_appends_an_open_drill_and_end_resolves_that_line_keeping_the_others()
    {
        cli.Write("events.jsonl", Deployment + "\n");

        var start = cli.Run("drill", "start", "--scenario", "feature-store", "--events", "events.jsonl");
        var end = cli.Run("drill", "end", "--scenario", "feature-store", "--events", "events.jsonl", "--at", "2026-12-01T11:30:00Z");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("started the feature-store drill 'drill-feature-store-20261201T090000Z' (model lane) at 2026-12-01 09:00Z\nwrote events.jsonl\n", start.Out);
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("ended the feature-store drill 'drill-feature-store-20261201T090000Z' (model lane): restored in 2.5 h\nwrote events.jsonl\n", end.Out);
        Assert.Equal(
            Deployment + "\n"
            + """{"type":"incident","lane":"model","id":"drill-feature-store-20261201T090000Z","opened_at":"2026-12-01T09:00:00Z","resolved_at":"2026-12-01T11:30:00Z","drill":"feature-store"}""" + "\n",
            cli.Read("events.jsonl"));
    }

    [Fact]
    public void Start_creates_a_missing_events_file_with_the_lane_id_and_time_given()
    {
        var run = cli.Run("drill", "start", "--scenario", "training-cluster", "--events", "dr/events.jsonl", "--lane", "code", "--id", "DR-7", "--at", "2026-11-28T10:00:00+01:00");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            """{"type":"incident","lane":"code","id":"DR-7","opened_at":"2026-11-28T09:00:00Z","drill":"training-cluster"}""" + "\n",
            cli.Read("dr/events.jsonl"));
    }

    [Fact]
    public void Dora_reports_the_recorded_drill_apart_from_incidents()
    {
        cli.Write("events.jsonl", Deployment + "\n");
        cli.Run("drill", "start", "--scenario", "model-registry", "--events", "events.jsonl", "--at", "2026-11-30T09:00:00Z");
        cli.Run("drill", "end", "--scenario", "model-registry", "--events", "events.jsonl", "--at", "2026-11-30T10:30:00Z");

        var run = cli.Run("dora", "--events", "events.jsonl", "--as-of", "2026-12-01T00:00:00Z", "--json", "dora.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var model = DoraReportJson.Parse(cli.Read("dora.json"), "dora.json").Lanes.Single(l => l.Lane == Lane.Model);
        Assert.Equal(0, model.Current.ChangeFailureRate);
        Assert.Equal(0, model.Current.RestoredIncidents);
        var drill = Assert.Single(model.Drills);
        Assert.Equal((DrillScenarios.ModelRegistry, 1, 1.5), (drill.Scenario, drill.Drills, drill.TimeToRestoreMedianHours));
        Assert.Contains("DR drills (never counted as incidents)\nLane   Scenario        Drills  Median time to restore  Last drill\nmodel  model-registry  1       1.5 h                   2026-11-30, restored in 1.5 h\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void End_without_an_open_drill_is_an_input_error_and_leaves_the_file_alone()
    {
        cli.Write("events.jsonl", Deployment + "\n");

        var run = cli.Run("drill", "end", "--scenario", "model-registry", "--events", "events.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: events.jsonl: drill: no open model-registry drill to end: start one with lockstep drill start\n", run.Error);
        Assert.Equal(Deployment + "\n", cli.Read("events.jsonl"));
    }

    [Fact]
    public void A_second_start_while_the_scenario_is_open_is_refused()
    {
        cli.Run("drill", "start", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-1");
        var before = cli.Read("events.jsonl");

        var run = cli.Run("drill", "start", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: events.jsonl:1: drill: the feature-store drill 'DR-1' is still open: end it with lockstep drill end\n", run.Error);
        Assert.Equal(before, cli.Read("events.jsonl"));
    }

    [Fact]
    public void Two_open_drills_of_a_scenario_need_an_id_to_end_one()
    {
        cli.Run("drill", "start", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-1", "--lane", "code");
        cli.Run("drill", "start", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-2");

        var ambiguous = cli.Run("drill", "end", "--scenario", "feature-store", "--events", "events.jsonl");
        var chosen = cli.Run("drill", "end", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-2");

        Assert.Equal((2, "error: events.jsonl:2: drill: 2 feature-store drills are open (DR-1, DR-2): choose one with --id\n"), (ambiguous.ExitCode, ambiguous.Error));
        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        var drills = EventsReader.Read(cli.Read("events.jsonl").Split('\n'), "events.jsonl").Cast<Incident>().ToList();
        Assert.Equal([("DR-1", false), ("DR-2", true)], drills.Select(d => (d.Id, d.ResolvedAt is not null)));
    }

    [Theory]
    [InlineData("events.jsonl", "{\"type\":\"incident\"\n", "error: events.jsonl:1: $: invalid JSON")]
    [InlineData("events.jsonl", "{\"type\":\"incident\",\"lane\":\"model\",\"id\":\"x\",\"opened_at\":\"2026-11-30T00:00:00Z\",\"drill\":\"data-center\"}\n", "error: events.jsonl:1: drill: expected feature-store, model-registry or training-cluster, got 'data-center'")]
    public void A_bad_events_file_is_an_input_error_and_is_not_touched(string name, string content, string expected)
    {
        cli.Write(name, content);

        var run = cli.Run("drill", "start", "--scenario", "feature-store", "--events", name);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(content, cli.Read(name));
        Assert.Equal([name], System.IO.Directory.GetFiles(cli.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void An_unknown_scenario_is_a_usage_error()
    {
        var run = cli.Run("drill", "start", "--scenario", "data-center", "--events", "events.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("data-center", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("events.jsonl"));
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        cli.Run("drill", "start", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-1");
        var before = cli.Read("events.jsonl");

        var run = cli.Run("drill", "end", "--scenario", "feature-store", "--events", "events.jsonl", "--at", "2026-12-01T08:00:00Z");

        Assert.Equal((2, "error: --at: 2026-12-01 08:00Z is before the drill 'DR-1' started (2026-12-01 09:00Z)\n"), (run.ExitCode, run.Error));
        Assert.Equal(before, cli.Read("events.jsonl"));
    }

    public void Dispose() => cli.Dispose();
}
