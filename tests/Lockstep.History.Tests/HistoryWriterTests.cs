using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.History;

namespace Lockstep.History.Tests;

public class HistoryWriterTests
{
    [Fact]
    public async Task Written_facts_read_back_through_DuckDB_as_they_were()
    {
        using var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();

        var result = await HistoryWriter.WriteAsync(history.Path, batch, CancellationToken.None);
        var snapshot = await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None);

        Assert.Equal(batch.Gates.Count, result.Added[FactKind.Gate]);
        Assert.Equal(batch.Metrics.Count, result.Added[FactKind.Metric]);
        Assert.Equal(batch.Deliveries.Count, result.Added[FactKind.Delivery]);
        Assert.Equal(
            batch.Gates.Select(g => g.Fact).OrderBy(g => g.Gate, StringComparer.Ordinal),
            snapshot.Gates.OrderBy(g => g.Gate, StringComparer.Ordinal));
        Assert.Equal(
            batch.Metrics.Select(m => m.Fact).OrderBy(m => m.Metric + "|" + m.Slice, StringComparer.Ordinal),
            snapshot.Metrics.OrderBy(m => m.Metric + "|" + m.Slice, StringComparer.Ordinal));
        Assert.Equal(
            batch.Deliveries.Select(d => d.Line).Order(StringComparer.Ordinal),
            snapshot.Events.Select(EventsWriter.Line).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Files_land_in_hive_partitions_by_kind_and_month()
    {
        using var history = new HistoryFolder();

        var result = await HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(), CancellationToken.None);

        Assert.All(result.Written, path => Assert.Matches(@"kind=(gate|metric|delivery)[/\\]month=\d{4}-\d{2}[/\\]part-[0-9a-f]{32}\.parquet$", path));
        Assert.Contains(result.Written, path => path.Contains("kind=delivery", StringComparison.Ordinal) && path.Contains("month=2026-08", StringComparison.Ordinal));
        Assert.Equal(result.Written.Order(StringComparer.Ordinal), history.DataFiles());
    }

    [Fact]
    public async Task Recording_the_same_facts_twice_adds_nothing_and_writes_no_file()
    {
        using var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();
        await HistoryWriter.WriteAsync(history.Path, batch, CancellationToken.None);
        var files = history.DataFiles();

        var again = await HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(), CancellationToken.None);

        Assert.Empty(again.Written);
        Assert.All(again.Added.Values, count => Assert.Equal(0, count));
        Assert.Equal(batch.Count, again.AlreadyThere.Values.Sum());
        Assert.Equal(files, history.DataFiles());
    }

    [Fact]
    public async Task Concurrent_writers_of_different_facts_lose_nothing()
    {
        using var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();
        var halves = batch.Deliveries.Chunk(batch.Deliveries.Count / 8 + 1)
            .Select(part => new HistoryBatch([], [], part))
            .ToList();

        await Task.WhenAll(halves.Select(part => Task.Run(() => HistoryWriter.WriteAsync(history.Path, part, CancellationToken.None))));
        var snapshot = await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None);

        Assert.Equal(batch.Deliveries.Count, snapshot.Events.Count);
        Assert.DoesNotContain(history.DataFiles(), path => System.IO.Path.GetFileName(path).StartsWith('.'));
    }

    [Fact]
    public async Task A_damaged_file_is_named_and_nothing_is_written()
    {
        using var history = new HistoryFolder();
        await HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(), CancellationToken.None);
        var victim = history.DataFiles().First(path => path.Contains("kind=delivery", StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, bytes[..(bytes.Length / 2)]);

        await AssertRefusedAsync(history, victim + ": is not a readable Parquet file");
    }

    [Fact]
    public async Task A_foreign_parquet_file_is_named_and_nothing_is_written()
    {
        using var history = new HistoryFolder();
        var result = await HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(), CancellationToken.None);
        var gateFile = result.Written.First(path => path.Contains("kind=gate", StringComparison.Ordinal));
        var foreign = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(result.Written.First(path => path.Contains("kind=metric", StringComparison.Ordinal)))!, "part-foreign.parquet");
        File.Copy(gateFile, foreign);

        await AssertRefusedAsync(history, foreign + ": is not a history file of kind metric");
    }

    /// <summary>Recording into the folder fails with the message, and no file is added or removed.</summary>
    private static async Task AssertRefusedAsync(HistoryFolder history, string messageStart)
    {
        var before = history.DataFiles();

        var error = await Assert.ThrowsAsync<InputException>(() =>
            HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(HistoryFolder.RecordedAt.AddDays(1)), CancellationToken.None));

        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, history.DataFiles());
    }

    [Fact]
    public async Task Hidden_files_in_a_partition_are_ignored()
    {
        using var history = new HistoryFolder();
        var result = await HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(), CancellationToken.None);
        var partition = System.IO.Path.GetDirectoryName(result.Written[0])!;
        File.WriteAllText(System.IO.Path.Combine(partition, ".tmp-left-over.parquet"), "not parquet");
        File.WriteAllText(System.IO.Path.Combine(partition, "_SUCCESS.parquet"), "not parquet");

        var again = await HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(), CancellationToken.None);

        Assert.Empty(again.Written);
    }
}
