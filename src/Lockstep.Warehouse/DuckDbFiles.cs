using Lockstep.Core.Warehouse;

namespace Lockstep.Warehouse;

/// <summary>
/// CSV and Parquet files as DuckDB sources, read where they lie (out of core) rather than loaded into memory.
/// CSV cells are read as text, an empty cell as NULL, so numbers are parsed and categories spelled exactly as the
/// in-memory path reads them: "NA" is a category (North America) until a number column reads it as missing. A CSV, which every query would parse again, can be imported
/// once into a table of the (on-disk) database: only the compared columns, numbers stored as doubles.
/// </summary>
public static class DuckDbFiles
{
    /// <param name="path">The file's full path.</param>
    /// <param name="parquet">Parquet, else CSV.</param>
    /// <param name="delimiter">The CSV delimiter; DuckDB detects it when null.</param>
    public static SqlSource Source(string path, bool parquet, char? delimiter)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = SqlDialect.TextLiteral(path);
        if (parquet)
        {
            return SqlSource.Query($"SELECT * FROM read_parquet({file})");
        }

        var delim = delimiter is { } d ? $", delim = {SqlDialect.TextLiteral(d.ToString())}" : string.Empty;
        return SqlSource.Query($"SELECT * FROM read_csv({file}, header = true, all_varchar = true, nullstr = ''{delim})");
    }

    /// <summary>Imports the compared columns of <paramref name="source"/> into a new table and returns it as a source.</summary>
    /// <param name="columns">The columns and whether each is compared as numbers (stored as DOUBLE; text that is not a number becomes NULL).</param>
    /// <exception cref="WarehouseException">DuckDB refused the file.</exception>
    public static async Task<SqlSource> ImportAsync(
        WarehouseConnection connection, string table, SqlSource source, IReadOnlyList<(string Name, bool IsNumeric)> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
        var dialect = connection.Dialect;
        var list = string.Join(", ", columns.Select(c =>
        {
            var name = SqlDialect.Identifier(c.Name);
            return c.IsNumeric ? $"{dialect.AsDouble(name)} AS {name}" : $"{dialect.AsText(name)} AS {name}";
        }));
        using var command = connection.Connection.CreateCommand();
        command.CommandText = $"CREATE TABLE {SqlDialect.Identifier(table)} AS SELECT {list} FROM {source.Relation(dialect)}";
        command.CommandTimeout = 0;
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new WarehouseException($"{connection.Display} refused the import of {source.Description}: {WarehouseException.FirstLine(e)}", e);
        }

        return SqlSource.Parse(table);
    }
}
