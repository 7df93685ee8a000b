using Lockstep.Core.Dora;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>
/// <c>lockstep dora</c> on inputs that used to give a quiet wrong answer: deployments to environments no lane counts,
/// a policy with only a dora: section, an incident label of both lanes, an empty events file.
/// </summary>
public sealed class DoraInputsTests : IDisposable
{
    private const string AsOf = "2026-11-26T00:00:00Z";

    private const string Events = """
        {"type":"deployment","lane":"code","id":"c1","environment":"production","status":"success","created_at":"2026-11-20T10:00:00Z","finished_at":"2026-11-20T10:10:00Z"}
        {"type":"deployment","lane":"code","id":"c2","environment":"staging","status":"success","created_at":"2026-11-21T10:00:00Z","finished_at":"2026-11-21T10:10:00Z"}
        {"type":"deployment","lane":"model","id":"m1","environment":"model-serving","status":"success","created_at":"2026-11-21T10:00:00Z","finished_at":"2026-11-21T12:00:00Z"}
        {"type":"deployment","lane":"model","id":"m2","environment":"model-serving","status":"rolled_back","created_at":"2026-11-22T10:00:00Z","finished_at":"2026-11-22T12:00:00Z"}
        {"type":"deployment","lane":"model","id":"m3","environment":"shadow","status":"success","created_at":"2026-11-22T10:00:00Z","finished_at":"2026-11-22T11:00:00Z"}
        """;

    private readonly CliHarness cli = new();

    [Fact]
    public void Deployments_no_lane_counts_are_named_on_the_console_and_in_the_json_with_the_key_to_set()
    {
        cli.Write("events.jsonl", Events);

        var run = cli.Run("dora", "--events", "events.jsonl", "--as-of", AsOf, "--json", "dora.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "\nnot counted: code lane deployments to staging (1): no environment of the lane matches; add them to dora.lanes.code.environments in the policy to count them\n"
                + "not counted: model lane deployments to model-serving (2), shadow (1): no environment of the lane matches; add them to dora.lanes.model.environments in the policy to count them\n",
            run.Out,
            StringComparison.Ordinal);
        var report = DoraReportJson.Parse(cli.Read("dora.json"), "dora.json");
        Assert.Equal(
            [("code", "staging", 1), ("model", "model-serving", 2), ("model", "shadow", 1)],
            report.UnmatchedEnvironments.Select(u => (u.Lane == Lane.Code ? "code" : "model", u.Environment, u.Deployments)));
        Assert.Contains("\"unmatched_environments\": [\n    {\n      \"lane\": \"code\",\n      \"environment\": \"staging\",\n      \"deployments\": 1,\n      \"policy_key\": \"dora.lanes.code.environments\"\n    },", cli.Read("dora.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_policy_names_the_environment_its_deployments_count_and_nothing_is_left_out_of_that_lane()
    {
        cli.Write("events.jsonl", Events);
        cli.Write("lockstep.yml", "version: 1\ndora:\n  lanes:\n    model:\n      environments: [model-serving]\n");

        var run = cli.Run("dora", "--events", "events.jsonl", "--policy", "lockstep.yml", "--as-of", AsOf, "--json", "dora.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = DoraReportJson.Parse(cli.Read("dora.json"), "dora.json");
        Assert.Equal(2, report.Lanes.Single(l => l.Lane == Lane.Model).Current.Deployments);
        Assert.Equal([("model", "shadow")], report.UnmatchedEnvironments.Where(u => u.Lane == Lane.Model).Select(u => ("model", u.Environment)));
        Assert.DoesNotContain("model-serving (", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_with_only_a_dora_section_is_enough_for_dora()
    {
        cli.Write("events.jsonl", Events);
        cli.Write("dora.yml", "version: 1\ndora:\n  window_days: 7\n");

        var run = cli.Run("dora", "--events", "events.jsonl", "--policy", "dora.yml", "--as-of", AsOf);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("DORA over the 7 days to 2026-11-26 00:00Z", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incident_label_of_both_lanes_is_one_line_naming_the_policy_line_and_key()
    {
        cli.Write("events.jsonl", Events);
        cli.Write("lockstep.yml", "version: 1\ndora:\n  lanes:\n    code:\n      incident_labels: [incident]\n    model:\n      incident_labels: [incident]\n");

        var run = cli.Run("dora", "--events", "events.jsonl", "--policy", "lockstep.yml", "--json", "dora.json");

        Assert.Equal(
            (2, "error: lockstep.yml:7:25: dora.lanes.model.incident_labels: 'incident' is an incident label of the code lane too (line 5): an issue with it would be an incident of both lanes; give each lane its own labels\n"),
            (run.ExitCode, run.Error));
        Assert.False(cli.Exists("dora.json"));
    }

    [Fact]
    public void The_azure_devops_source_refuses_one_incident_tag_for_both_lanes()
    {
        var run = cli.Run("events", "azure-devops", "--model-environment", "model-production", "--code-incident-tag", "incident", "--model-incident-tag", "incident", "--out", "events.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --model-incident-tag: 'incident' is --code-incident-tag too: a work item with it would be an incident of both lanes; give each lane its own tag\n", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("events.jsonl"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\t\n")]
    public void An_empty_events_file_is_a_report_that_says_there_are_no_events(string content)
    {
        cli.Write("events.jsonl", content);

        var run = cli.Run("dora", "--events", "events.jsonl", "--as-of", AsOf, "--json", "dora.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.Out.Split('\n'), line => line == "note: no events: there are no deployments and no incidents to compute from");
        Assert.Matches(@"(?m)^deployments +0 +0$", run.Out);
        Assert.All(
            DoraReportJson.Parse(cli.Read("dora.json"), "dora.json").Lanes,
            lane => Assert.Equal(["no events: there are no deployments and no incidents to compute from"], lane.Notes));
    }

    public void Dispose() => cli.Dispose();
}
