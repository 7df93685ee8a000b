using Lockstep.Core.History;

namespace Lockstep.History;

/// <summary>
/// Merges each partition's files into one: reads them, drops duplicate ids, writes one new file (temporary name,
/// then moved into place), then deletes exactly the files it read. A file a writer adds meanwhile is not among them
/// and survives; a reader in between sees some facts twice, and readers drop duplicate ids.
/// </summary>
public static class HistoryCompactor
{
    public static Task<IReadOnlyList<CompactedPartition>> CompactAsync(string directory, CancellationToken cancellationToken) =>
        CompactAsync(directory, afterRead: null, cancellationToken);

    /// <param name="afterRead">Runs between reading and writing: where a concurrent writer's file may appear.</param>
    internal static async Task<IReadOnlyList<CompactedPartition>> CompactAsync(string directory, Func<Task>? afterRead, CancellationToken cancellationToken)
    {
        var plans = new List<(FactKind Kind, string Month, string Directory, IReadOnlyList<string> Files, List<IDictionary<string, object?>> Rows, int Read)>();
        foreach (var kind in Enum.GetValues<FactKind>())
        {
            foreach (var (month, partition) in HistoryLayout.Partitions(directory, kind))
            {
                // Every file is read, also in partitions with one file: a damaged one stops compaction before any change.
                var files = HistoryLayout.Files(partition);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var rows = new List<IDictionary<string, object?>>();
                var read = 0;
                foreach (var file in files)
                {
                    foreach (var record in await FactFile.ReadAsync(file, kind, cancellationToken).ConfigureAwait(false))
                    {
                        read++;
                        if (seen.Add(FactFile.IdOf(record)))
                        {
                            rows.Add(record);
                        }
                    }
                }

                if (files.Count > 1)
                {
                    plans.Add((kind, month, partition, files, rows, read));
                }
            }
        }

        if (afterRead is not null)
        {
            await afterRead().ConfigureAwait(false);
        }

        var done = new List<CompactedPartition>();
        foreach (var plan in plans)
        {
            var merged = await FactFile.WriteNewAsync(plan.Directory, plan.Kind, plan.Rows, cancellationToken).ConfigureAwait(false);
            foreach (var file in plan.Files)
            {
                File.Delete(file);
            }

            done.Add(new CompactedPartition(plan.Kind, plan.Month, plan.Files, merged, plan.Read, plan.Rows.Count));
        }

        return done;
    }
}

/// <summary>One partition merged: the files read (and deleted), the file written, and the rows before and after.</summary>
public sealed record CompactedPartition(FactKind Kind, string Month, IReadOnlyList<string> Merged, string Written, int RowsRead, int RowsKept);
