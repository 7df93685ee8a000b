using Lockstep.Core.Dora;
using Lockstep.Core.History;

namespace Lockstep.History.Tests;

public class HistoryReaderTests
{
    [Fact]
    public async Task A_missing_folder_reads_as_an_empty_snapshot()
    {
        var snapshot = await HistoryReader.ReadAsync(Path.Combine(Path.GetTempPath(), "lockstep-no-such-history-" + Guid.NewGuid()), null, null, CancellationToken.None);

        Assert.Empty(snapshot.Events);
        Assert.Empty(snapshot.Metrics);
        Assert.Empty(snapshot.Gates);
    }

    [Fact]
    public async Task The_period_keeps_facts_from_its_start_to_its_end_inclusive()
    {
        using var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();
        await HistoryWriter.WriteAsync(history.Path, batch, CancellationToken.None);
        var from = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 9, 30, 23, 59, 59, TimeSpan.Zero);

        var snapshot = await HistoryReader.ReadAsync(history.Path, from, to, CancellationToken.None);

        var expected = batch.Deliveries.Where(d => d.At >= from && d.At <= to).Select(d => d.Line).Order(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, snapshot.Events.Select(EventsWriter.Line).Order(StringComparer.Ordinal));
        Assert.Empty(snapshot.Gates);
    }

    [Fact]
    public async Task The_newest_recorded_version_of_an_event_wins()
    {
        using var history = new HistoryFolder();
        var opened = new DateTimeOffset(2026, 10, 3, 12, 0, 0, TimeSpan.Zero);
        var open = new Incident { Lane = Lane.Model, Id = "inc-1", OpenedAt = opened };
        var resolved = open with { ResolvedAt = opened.AddHours(5) };
        await HistoryWriter.WriteAsync(history.Path, new HistoryBatch([], [], [DeliveryRows.From(open, HistoryFolder.RecordedAt)]), CancellationToken.None);
        await HistoryWriter.WriteAsync(history.Path, new HistoryBatch([], [], [DeliveryRows.From(resolved, HistoryFolder.RecordedAt.AddDays(1))]), CancellationToken.None);

        var snapshot = await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None);

        var incident = Assert.IsType<Incident>(Assert.Single(snapshot.Events));
        Assert.Equal(opened.AddHours(5), incident.ResolvedAt);
    }

    [Fact]
    public async Task A_drill_recorded_open_and_later_ended_reads_back_as_the_ended_drill_of_its_scenario()
    {
        using var history = new HistoryFolder();
        var opened = new DateTimeOffset(2026, 10, 1, 6, 17, 0, TimeSpan.Zero);
        var open = new Incident { Lane = Lane.Model, Id = "drill-model-registry-20261001T061700Z", OpenedAt = opened, Drill = "model-registry" };
        await HistoryWriter.WriteAsync(history.Path, new HistoryBatch([], [], [DeliveryRows.From(open, HistoryFolder.RecordedAt)]), CancellationToken.None);
        var stillOpen = Assert.IsType<Incident>(Assert.Single((await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None)).Events));
        await HistoryWriter.WriteAsync(history.Path, new HistoryBatch([], [], [DeliveryRows.From(open with { ResolvedAt = opened.AddHours(3) }, HistoryFolder.RecordedAt.AddDays(1))]), CancellationToken.None);

        var drill = Assert.IsType<Incident>(Assert.Single((await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None)).Events));

        Assert.Equal(("model-registry", (DateTimeOffset?)null), (stillOpen.Drill, stillOpen.ResolvedAt));
        Assert.Equal(("model-registry", (DateTimeOffset?)opened.AddHours(3)), (drill.Drill, drill.ResolvedAt));
    }

    [Fact]
    public async Task Facts_present_in_two_files_are_read_once()
    {
        using var history = new HistoryFolder();
        var batch = HistoryFolder.DemoBatch();
        await HistoryWriter.WriteAsync(history.Path, batch, CancellationToken.None);
        foreach (var file in history.DataFiles())
        {
            File.Copy(file, Path.Combine(Path.GetDirectoryName(file)!, "part-copy.parquet"));
        }

        var snapshot = await HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None);

        Assert.Equal(batch.Gates.Count, snapshot.Gates.Count);
        Assert.Equal(batch.Metrics.Count, snapshot.Metrics.Count);
        Assert.Equal(batch.Deliveries.Count, snapshot.Events.Count);
    }

    [Fact]
    public async Task A_damaged_file_is_an_input_error_naming_it()
    {
        using var history = new HistoryFolder();
        await HistoryWriter.WriteAsync(history.Path, HistoryFolder.DemoBatch(), CancellationToken.None);
        var victim = history.DataFiles()[0];
        File.WriteAllText(victim, "not parquet");

        var error = await Assert.ThrowsAsync<Lockstep.Core.InputException>(() => HistoryReader.ReadAsync(history.Path, null, null, CancellationToken.None));

        Assert.StartsWith(victim + ": is not a readable Parquet file", error.Message, StringComparison.Ordinal);
    }
}
