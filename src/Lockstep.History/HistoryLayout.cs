using Lockstep.Core.History;

namespace Lockstep.History;

/// <summary>
/// Where facts live: <c>&lt;dir&gt;/kind=&lt;kind&gt;/month=&lt;yyyy-MM&gt;/part-&lt;id&gt;.parquet</c>. Files whose
/// names start with <c>.</c> or <c>_</c> are not part of the history (temporary files, engines' markers), as in Spark and Hive.
/// </summary>
internal static class HistoryLayout
{
    public static string PartitionDirectory(string root, FactKind kind, string month) =>
        Path.Combine(root, "kind=" + FactTables.Name(kind), "month=" + month);

    /// <summary>The partitions of a kind that exist, as (month, folder), in month order.</summary>
    public static IEnumerable<(string Month, string Directory)> Partitions(string root, FactKind kind)
    {
        var kindDirectory = Path.Combine(root, "kind=" + FactTables.Name(kind));
        if (!Directory.Exists(kindDirectory))
        {
            return [];
        }

        return Directory.EnumerateDirectories(kindDirectory, "month=*")
            .Select(directory => (Month: Path.GetFileName(directory)["month=".Length..], Directory: directory))
            .Where(partition => IsVisible(Path.GetFileName(partition.Directory)))
            .OrderBy(partition => partition.Month, StringComparer.Ordinal);
    }

    /// <summary>The partition's data files, in name order; hidden files are left alone.</summary>
    public static IReadOnlyList<string> Files(string partitionDirectory) =>
        !Directory.Exists(partitionDirectory)
            ? []
            : Directory.EnumerateFiles(partitionDirectory, "*.parquet")
                .Where(path => IsVisible(Path.GetFileName(path)))
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>A new part's name: time-ordered and unique, so writers never pick the same one.</summary>
    public static string NewPartName() => $"part-{Guid.CreateVersion7():N}.parquet";

    public static bool IsVisible(string name) => !name.StartsWith('.') && !name.StartsWith('_');
}
