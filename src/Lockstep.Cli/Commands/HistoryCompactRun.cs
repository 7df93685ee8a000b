using Lockstep.Cli.Io;
using Lockstep.History;

namespace Lockstep.Cli.Commands;

/// <summary>Compacts a history folder and prints what it merged.</summary>
public static class HistoryCompactRun
{
    public static async Task<int> ExecuteAsync(string historyPath, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = HistoryFolder.Resolve(historyPath, context);
        IReadOnlyList<CompactedPartition> merged;
        using (var progress = new HistoryProgressDisplay(context))
        {
            progress.Show($"compacting {historyPath}");
            merged = await HistoryCompactor.CompactAsync(directory, cancellationToken).ConfigureAwait(false);
            progress.Clear();
        }

        foreach (var partition in merged)
        {
            context.Out.WriteLine(
                $"merged kind={partition.Kind.ToString().ToLowerInvariant()}/month={partition.Month}: {partition.Merged.Count} files, " +
                $"{partition.RowsRead:N0} rows into {partition.RowsKept:N0} ({HistoryFolder.Display(partition.Written, context)})");
        }

        context.Out.WriteLine(merged.Count == 0
            ? $"compacted {historyPath}: nothing to merge"
            : $"compacted {historyPath}: {merged.Count} partitions, {merged.Sum(p => p.Merged.Count)} files into {merged.Count}");
        return ExitCodes.Pass;
    }
}
