using Lockstep.Core.Warehouse;

namespace Lockstep.Warehouse;

/// <summary>
/// CSV and Parquet files as DuckDB sources, read where they lie (out of core) rather than loaded into memory.
/// CSV cells are read as text, with the file reader's missing tokens as NULL, so numbers are parsed and categories
/// spelled exactly as the in-memory path reads them.
/// </summary>
public static class DuckDbFiles
{
    /// <summary>Text that means "no value", as pandas and the file reader read it.</summary>
    public static IReadOnlyList<string> MissingTokens { get; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A"];

    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <param name="path">The file's full path.</param>
    /// <param name="delimiter">The CSV delimiter; DuckDB detects it when null.</param>
    public static SqlSource Source(string path, char? delimiter)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = SqlDialect.TextLiteral(path);
        if (IsParquet(path))
        {
            return SqlSource.Query($"SELECT * FROM read_parquet({file})");
        }

        var missing = string.Join(", ", MissingTokens.Select(SqlDialect.TextLiteral));
        var delim = delimiter is { } d ? $", delim = {SqlDialect.TextLiteral(d.ToString())}" : string.Empty;
        return SqlSource.Query($"SELECT * FROM read_csv({file}, header = true, all_varchar = true, nullstr = [{missing}]{delim})");
    }
}
