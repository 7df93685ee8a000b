using Lockstep.Core.Dora;
using Lockstep.Core.History;

namespace Lockstep.History.Tests;

public class HistoryCompactorTests
{
    /// <summary>The demo's facts, the events first in files of ten, then all of them again: many files, duplicates among them.</summary>
    private static async Task<HistoryFolder> ManyFilesAsync()
    {
        var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();
        foreach (var part in batch.Deliveries.Chunk(10))
        {
            await HistoryWriter.WriteAsync(history.Path, new HistoryBatch([], [], part), CancellationToken.None);
        }

        await HistoryWriter.WriteAsync(history.Path, batch, CancellationToken.None);
        return history;
    }

    [Fact]
    public async Task Compaction_keeps_every_fact_in_one_file_per_partition()
    {
        using var history = await ManyFilesAsync();
        var before = await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None);

        var merged = await HistoryCompactor.CompactAsync(history.Path, CancellationToken.None);
        var after = await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None);

        Assert.NotEmpty(merged);
        Assert.Equal(before.Events.Select(EventsWriter.Line), after.Events.Select(EventsWriter.Line));
        Assert.Equal(before.Metrics, after.Metrics);
        Assert.Equal(before.Gates, after.Gates);
        var partitions = history.DataFiles().GroupBy(System.IO.Path.GetDirectoryName);
        Assert.All(partitions, partition => Assert.Single(partition));
        Assert.All(merged, m => Assert.DoesNotContain(m.Merged, File.Exists));
    }

    [Fact]
    public async Task A_file_written_while_compacting_survives()
    {
        using var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();
        var first = batch.Deliveries.Take(5).ToList();
        foreach (var row in first)
        {
            await HistoryWriter.WriteAsync(history.Path, new HistoryBatch([], [], [row]), CancellationToken.None);
        }

        var late = new HistoryBatch([], [], batch.Deliveries.Skip(5).Where(d => d.At.Month == first[0].At.Month).Take(1).ToList());
        HistoryWriteResult? lateWrite = null;
        await HistoryCompactor.CompactAsync(
            history.Path,
            afterRead: async () => lateWrite = await HistoryWriter.WriteAsync(history.Path, late, CancellationToken.None),
            CancellationToken.None);
        var after = await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None);

        Assert.NotNull(lateWrite);
        Assert.All(lateWrite.Written, path => Assert.True(File.Exists(path)));
        Assert.Equal(first.Count + late.Deliveries.Count, after.Events.Count);
    }

    [Fact]
    public async Task A_damaged_file_stops_compaction_before_anything_changes()
    {
        using var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();
        await HistoryWriter.WriteAsync(history.Path, new HistoryBatch([], [], batch.Deliveries.Take(3).ToList()), CancellationToken.None);
        await HistoryWriter.WriteAsync(history.Path, batch, CancellationToken.None);
        var victim = history.DataFiles()[^1];
        File.WriteAllText(victim, "PAR1 this is not parquet");
        var before = history.DataFiles();

        var error = await Assert.ThrowsAsync<Lockstep.Core.InputException>(() => HistoryCompactor.CompactAsync(history.Path, CancellationToken.None));

        Assert.StartsWith(victim + ":", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, history.DataFiles());
    }
}
