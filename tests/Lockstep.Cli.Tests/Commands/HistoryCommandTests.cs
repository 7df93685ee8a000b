using Lockstep.Cli.Commands;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>lockstep history compact, and lockstep dora reading a compacted history.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public void Compact_merges_each_partition_and_dora_reads_the_same()
    {
        var lines = DemoCommand.Resource("events.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        cli.Write("events.jsonl", string.Join('\n', lines) + "\n");
        for (var i = 0; i < 3; i++)
        {
            cli.Write($"part{i}.jsonl", string.Join('\n', lines.Where((_, n) => n % 3 == i)) + "\n");
            Assert.Equal(0, cli.Run("record", "--history", "history", $"part{i}.jsonl").ExitCode);
        }

        cli.Run("dora", "--events", "events.jsonl", "--as-of", "2026-11-26T00:00:00Z", "--json", "expected.json");

        var run = cli.Run("history", "compact", "--history", "history");
        var dora = cli.Run("dora", "--history", "history", "--as-of", "2026-11-26T00:00:00Z", "--json", "after.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("merged kind=delivery/month=2026-09: 3 files", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("compacted history: 4 partitions, 12 files into 4\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.All(Directory.GetDirectories(Path.Combine(cli.Directory, "history", "kind=delivery")), d => Assert.Single(Directory.GetFiles(d)));
        Assert.Equal(0, dora.ExitCode);
        Assert.Equal(cli.Read("expected.json"), cli.Read("after.json"));
    }

    [Fact]
    public void Compact_of_an_empty_history_has_nothing_to_merge()
    {
        var run = cli.Run("history", "compact", "--history", "history");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("compacted history: nothing to merge\n", run.Out.ReplaceLineEndings("\n"));
    }

    public void Dispose() => cli.Dispose();
}
