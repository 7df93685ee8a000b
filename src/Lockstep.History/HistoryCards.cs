using Lockstep.Core.History;

namespace Lockstep.History;

/// <summary>
/// Finds report cards already recorded, by the card file's SHA-256, so a gate result recorded later takes the
/// candidate card's model and evaluation time.
/// </summary>
public static class HistoryCards
{
    public static async Task<IReadOnlyDictionary<string, CardStamp>> FindAsync(string directory, IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, CardStamp>(StringComparer.Ordinal);
        if (sha256s.Count == 0)
        {
            return found;
        }

        var wanted = sha256s.ToHashSet(StringComparer.Ordinal);
        foreach (var (_, partition) in HistoryLayout.Partitions(directory, FactKind.Metric))
        {
            foreach (var file in HistoryLayout.Files(partition))
            {
                foreach (var record in await FactFile.ReadAsync(file, FactKind.Metric, cancellationToken).ConfigureAwait(false))
                {
                    if (record["source"] as string == MetricSources.ReportCard
                        && record["source_sha256"] is string sha && wanted.Contains(sha)
                        && record["model"] is string model && record["version"] is string version && record["at"] is DateTime at)
                    {
                        found.TryAdd(sha, new CardStamp(model, version, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))));
                    }
                }
            }
        }

        return found;
    }
}
