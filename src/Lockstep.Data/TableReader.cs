using Lockstep.Core;
using Lockstep.Data.Csv;
using Lockstep.Data.Parquet;

namespace Lockstep.Data;

/// <summary>Reads tabular files: Parquet by its <c>.parquet</c>/<c>.pq</c> extension, CSV (or TSV) otherwise.</summary>
public static class TableReader
{
    public static async Task<Table> ReadAsync(
        string path, string source, IReadOnlyList<ColumnRequest> requests, TableReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureFile(path, source);
        options ??= new TableReadOptions();
        var distinct = requests.DistinctBy(r => r.Name).ToList();
        return IsParquet(path)
            ? await ParquetTableReader.ReadAsync(path, source, distinct, options, cancellationToken).ConfigureAwait(false)
            : await Task.Run(() => CsvTableReader.Read(path, source, distinct, options), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file's columns, typed as numbers or text.</summary>
    public static async Task<IReadOnlyList<ColumnInfo>> DescribeAsync(string path, string source, TableReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureFile(path, source);
        return IsParquet(path)
            ? await ParquetTableReader.DescribeAsync(path, source, cancellationToken).ConfigureAwait(false)
            : CsvTableReader.Describe(path, source, options ?? new TableReadOptions());
    }

    public static bool IsParquet(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pq", StringComparison.OrdinalIgnoreCase);

    private static void EnsureFile(string path, string source)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(source, null, null, "is a directory, expected a file");
        }

        if (!File.Exists(path))
        {
            throw new InputException(source, null, null, "file not found");
        }
    }
}
