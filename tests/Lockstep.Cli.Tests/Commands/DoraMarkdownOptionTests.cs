using Lockstep.Cli.Commands;

namespace Lockstep.Cli.Tests.Commands;

/// <summary><c>lockstep dora --markdown</c>: the two-lane table on its own.</summary>
public sealed class DoraMarkdownOptionTests : IDisposable
{
    private readonly CliHarness cli = new();

    public DoraMarkdownOptionTests() => cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));

    [Fact]
    public void Writes_the_two_lane_table()
    {
        var run = cli.Run("dora", "--events", "events.jsonl", "--as-of", "2026-11-24T18:00:00Z", "--markdown", "out/dora.md");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("wrote out/dora.md\n", run.Out, StringComparison.Ordinal);
        var markdown = cli.Read("out/dora.md");
        Assert.StartsWith("### Delivery: DORA metrics for code and model\n", markdown, StringComparison.Ordinal);
        Assert.Contains("The 30 days to 2026-11-24 18:00 UTC (as of), against the 30 days before: 43 code and 5 model deployments.", markdown, StringComparison.Ordinal);
        Assert.Contains("| Change failure rate | 9.3% · ↑ 6.7 pp worse · high | 20% · ↓ 5 pp · high |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("```mermaid", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_events_file_writes_nothing()
    {
        cli.Write("events.jsonl", "{ \"type\": \"deployment\", \"lane\": \"data\", \"id\": \"d1\" }\n");

        var run = cli.Run("dora", "--events", "events.jsonl", "--json", "dora.json", "--markdown", "dora.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: events.jsonl:1: lane: expected code or model, got 'data'\n", run.Error);
        Assert.False(cli.Exists("dora.md"));
        Assert.False(cli.Exists("dora.json"));
    }

    [Fact]
    public void Help_lists_the_option_with_an_example() =>
        Assert.Contains("lockstep dora --events events.jsonl --json dora.json --markdown dora.md", cli.Run("dora", "--help").Out, StringComparison.Ordinal);

    public void Dispose() => cli.Dispose();
}
