using Lockstep.Core.History;

namespace Lockstep.History;

/// <summary>
/// Adds a recording's facts to a history folder. It reads the ids in every partition the facts fall into first (a
/// damaged or foreign file stops it before anything is written), then writes one new file per partition holding only
/// the facts not there yet. Writers never touch each other's files, so concurrent recordings lose nothing.
/// </summary>
public static class HistoryWriter
{
    public static async Task<HistoryWriteResult> WriteAsync(string directory, HistoryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Directory.CreateDirectory(directory);
        var groups = new List<(FactKind Kind, string Month, List<(string Id, IDictionary<string, object?> Record)> Rows)>();
        groups.AddRange(Group(FactKind.Gate, batch.Gates, r => (r.Id, r.Fact.At, FactRecords.Of(r))));
        groups.AddRange(Group(FactKind.Metric, batch.Metrics, r => (r.Id, r.Fact.At, FactRecords.Of(r))));
        groups.AddRange(Group(FactKind.Delivery, batch.Deliveries, r => (r.Id, r.At, FactRecords.Of(r))));

        var existing = new List<HashSet<string>>();
        foreach (var group in groups)
        {
            existing.Add(await IdsAsync(HistoryLayout.PartitionDirectory(directory, group.Kind, group.Month), group.Kind, cancellationToken).ConfigureAwait(false));
        }

        var added = Counts();
        var already = Counts();
        var written = new List<string>();
        for (var i = 0; i < groups.Count; i++)
        {
            var (kind, month, rows) = groups[i];
            var fresh = rows.Where(row => !existing[i].Contains(row.Id)).Select(row => row.Record).ToList();
            added[kind] += fresh.Count;
            already[kind] += rows.Count - fresh.Count;
            if (fresh.Count > 0)
            {
                written.Add(await FactFile.WriteNewAsync(HistoryLayout.PartitionDirectory(directory, kind, month), kind, fresh, cancellationToken).ConfigureAwait(false));
            }
        }

        return new HistoryWriteResult(added, already, written);
    }

    /// <summary>The ids of the facts in a partition's files.</summary>
    internal static async Task<HashSet<string>> IdsAsync(string partitionDirectory, FactKind kind, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in HistoryLayout.Files(partitionDirectory))
        {
            foreach (var record in await FactFile.ReadAsync(file, kind, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(FactFile.IdOf(record));
            }
        }

        return ids;
    }

    private static Dictionary<FactKind, int> Counts() =>
        Enum.GetValues<FactKind>().ToDictionary(kind => kind, _ => 0);

    private static IEnumerable<(FactKind, string, List<(string, IDictionary<string, object?>)>)> Group<T>(
        FactKind kind, IReadOnlyList<T> rows, Func<T, (string Id, DateTimeOffset At, IDictionary<string, object?> Record)> shape) =>
        rows.Select(shape)
            .GroupBy(row => FactId.Month(row.At), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (kind, group.Key, group.Select(row => (row.Id, row.Record)).ToList()));
}
