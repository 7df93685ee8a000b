using Lockstep.Core.Dora;

namespace Lockstep.Cli.Tests.Commands;

public sealed class DoraCommandTests : IDisposable
{
    private const string Events = """
        {"type":"deployment","lane":"code","id":"c1","environment":"production","status":"success","created_at":"2026-11-20T10:00:00Z","finished_at":"2026-11-20T10:10:00Z","commits":[{"sha":"a","committed_at":"2026-11-20T08:10:00Z"}]}
        {"type":"deployment","lane":"code","id":"c2","environment":"production","status":"rolled_back","created_at":"2026-11-22T10:00:00Z","finished_at":"2026-11-22T10:10:00Z","commits":[{"sha":"b","committed_at":"2026-11-22T06:10:00Z"}]}
        {"type":"deployment","lane":"model","id":"m1","environment":"serving","status":"success","created_at":"2026-11-21T10:00:00Z","finished_at":"2026-11-21T12:00:00Z","stages":{"data_snapshot_at":"2026-11-18T00:00:00Z","trained_at":"2026-11-19T00:00:00Z","evaluated_at":"2026-11-20T00:00:00Z"}}
        {"type":"incident","lane":"code","id":"INC-1","opened_at":"2026-11-22T11:00:00Z","resolved_at":"2026-11-22T12:30:00Z"}
        {"type":"incident","lane":"model","id":"INC-2","opened_at":"2026-11-10T11:00:00Z","resolved_at":"2026-11-10T13:00:00Z"}
        """;

    private readonly CliHarness cli = new();

    [Fact]
    public void Prints_both_lanes_and_writes_the_json_report()
    {
        cli.Write("events.jsonl", Events);

        var run = cli.Run("dora", "--events", "events.jsonl", "--as-of", "2026-11-26T00:00:00Z", "--json", "dora.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("change failure rate", run.Out, StringComparison.Ordinal);
        Assert.Contains("unattributed incidents: INC-2", run.Out, StringComparison.Ordinal);
        var report = DoraReportJson.Parse(cli.Read("dora.json"), "dora.json");
        var code = report.Lanes.Single(l => l.Lane == Lane.Code).Current;
        Assert.Equal((2, 0.5, 3.0), (code.Deployments, code.ChangeFailureRate!.Value, code.LeadTimeMedianHours!.Value));
        Assert.Equal(0, report.Lanes.Single(l => l.Lane == Lane.Model).Current.Deployments);
    }

    [Fact]
    public void The_policy_s_dora_section_chooses_each_lane_s_production_environments()
    {
        cli.Write("events.jsonl", Events);
        cli.Write("lockstep.yml", "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    model:\n      environments: [serving]\n");

        var run = cli.Run("dora", "--events", "events.jsonl", "--policy", "lockstep.yml", "--as-of", "2026-11-26T00:00:00Z", "--json", "dora.json");

        var model = DoraReportJson.Parse(cli.Read("dora.json"), "dora.json").Lanes.Single(l => l.Lane == Lane.Model);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, model.Current.Deployments);
        Assert.Equal(new StageStrip(1, 24, 24, 36), model.Stages);
    }

    [Fact]
    public void Dora_from_a_history_equals_dora_from_the_events_file()
    {
        cli.Write("events.jsonl", Lockstep.Cli.Commands.DemoCommand.Resource("events.jsonl"));
        Assert.Equal(0, cli.Run("record", "--history", "history", "events.jsonl").ExitCode);

        var fromEvents = cli.Run("dora", "--events", "events.jsonl", "--as-of", "2026-11-26T00:00:00Z", "--json", "events.json");
        var fromHistory = cli.Run("dora", "--history", "history", "--as-of", "2026-11-26T00:00:00Z", "--json", "history.json");

        Assert.True(fromHistory.ExitCode == 0, fromHistory.ToString());
        Assert.Equal(cli.Read("events.json"), cli.Read("history.json"));
        Assert.Equal(fromEvents.Out.Replace("wrote events.json", "wrote history.json", StringComparison.Ordinal), fromHistory.Out);
    }

    [Theory]
    [InlineData]
    [InlineData("--events", "events.jsonl", "--history", "history")]
    public void Events_come_from_exactly_one_of_events_and_history(params string[] sources)
    {
        cli.Write("events.jsonl", Events);

        var run = cli.Run(["dora", .. sources]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: give the delivery events with exactly one of --events <file> and --history <dir>", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"deployment\"\n", "error: events.jsonl:1: $: invalid JSON")]
    [InlineData("{\"type\":\"release\",\"lane\":\"code\",\"id\":\"x\"}\n", "error: events.jsonl:1: type: expected deployment or incident, got 'release'")]
    [InlineData("{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\",\"opened_at\":\"2026-11-21T09:00:00Z\",\"resolved_at\":\"2026-11-21T08:00:00Z\"}\n", "error: events.jsonl:1: resolved_at: the incident was resolved before it opened")]
    [InlineData("{\"type\":\"incident\",\"lane\":\"code\",\"id\":\"i\"}\n", "error: events.jsonl:1: opened_at: missing")]
    public void Bad_events_exit_2_naming_the_line(string events, string expected)
    {
        cli.Write("events.jsonl", Events.Split('\n')[0] + "\n" + events);

        var run = cli.Run("dora", "--events", "events.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected.Replace("events.jsonl:1", "events.jsonl:2", StringComparison.Ordinal), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_events_file_exits_2()
    {
        var run = cli.Run("dora", "--events", "nope.jsonl");

        Assert.Equal((2, "error: nope.jsonl: file not found\n"), (run.ExitCode, run.Error));
    }

    public void Dispose() => cli.Dispose();
}
