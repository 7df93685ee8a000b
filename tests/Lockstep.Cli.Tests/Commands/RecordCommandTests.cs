using Lockstep.Cli.Commands;
using Lockstep.History;
using Microsoft.Extensions.Time.Testing;

namespace Lockstep.Cli.Tests.Commands;

public sealed class RecordCommandTests : IDisposable
{
    private readonly CliHarness cli = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)) };

    private void WriteInputs()
    {
        cli.WriteDemoInputs("pass");
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        Assert.Equal(0, cli.Run("gate", "--candidate", "candidate.json", "--baseline", "baseline.json", "--out", "result.json").ExitCode);
    }

    private string[] HistoryFiles() =>
        Directory.Exists(Path.Combine(cli.Directory, "history"))
            ? Directory.GetFiles(Path.Combine(cli.Directory, "history"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];

    [Fact]
    public void Records_every_kind_and_prints_one_summary_line_and_the_files()
    {
        WriteInputs();

        var run = cli.Run("record", "--history", "history", "result.json", "candidate.json", "events.jsonl");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.Equal("recorded in history: 5 gate, 7 metric, 156 delivery facts added; 0 already there", lines[0]);
        Assert.Equal(HistoryFiles().Length, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^wrote history/kind=(gate|metric|delivery)/month=\d{4}-\d{2}/part-[0-9a-f]{32}\.parquet$", line));
    }

    [Fact]
    public async Task A_gate_result_recorded_after_its_card_takes_the_card_s_model_and_time()
    {
        WriteInputs();

        Assert.Equal(0, cli.Run("record", "--history", "history", "candidate.json").ExitCode);
        Assert.Equal(0, cli.Run("record", "--history", "history", "result.json").ExitCode);
        var snapshot = await HistoryReader.ReadAsync(Path.Combine(cli.Directory, "history"), null, null, CancellationToken.None);

        Assert.All(snapshot.Gates, g => Assert.Equal(("churn-classifier", "1.4.0", new DateTimeOffset(2026, 11, 24, 16, 15, 0, TimeSpan.Zero)), (g.Model, g.Version, g.At)));
    }

    [Fact]
    public void Recording_the_same_files_twice_adds_nothing()
    {
        WriteInputs();
        cli.Run("record", "--history", "history", "result.json", "candidate.json", "events.jsonl");
        var files = HistoryFiles();

        var run = cli.Run("record", "--history", "history", "result.json", "candidate.json", "events.jsonl");

        Assert.Equal("recorded in history: 0 gate, 0 metric, 0 delivery facts added; 168 already there\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal(files, HistoryFiles());
    }

    [Fact]
    public void A_file_of_no_known_kind_is_one_error_line_and_nothing_is_written()
    {
        WriteInputs();

        var run = cli.Run("record", "--history", "history", "candidate.json", "lockstep.yml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: lockstep.yml: is not a report card, gate result, drift report, freshness report or delivery events (lockstep.events/v1 JSON Lines)\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(HistoryFiles());
    }

    [Fact]
    public void A_damaged_history_file_is_named_and_nothing_is_written()
    {
        WriteInputs();
        cli.Run("record", "--history", "history", "events.jsonl");
        var victim = HistoryFiles()[0];
        File.WriteAllText(victim, "damaged");
        var files = HistoryFiles();

        var run = cli.Run("record", "--history", "history", "result.json", "candidate.json", "events.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {victim}: is not a readable Parquet file", run.Error, StringComparison.Ordinal);
        Assert.Equal(files, HistoryFiles());
    }

    [Fact]
    public void Model_without_version_is_a_usage_error()
    {
        WriteInputs();

        var run = cli.Run("record", "--history", "history", "--model", "churn", "result.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --model and --version go together", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_path_that_is_a_file_is_an_error()
    {
        WriteInputs();

        var run = cli.Run("record", "--history", "events.jsonl", "result.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: events.jsonl: is a file, expected a history folder\n", run.Error.ReplaceLineEndings("\n"));
    }

    public void Dispose() => cli.Dispose();
}
