using System.Data.Common;
using DuckDB.NET.Data;
using Lockstep.Core.Warehouse;
using Npgsql;

namespace Lockstep.Warehouse;

/// <summary>
/// An open connection to where the data lives and its SQL dialect. A connection is a PostgreSQL URI
/// (<c>postgresql://user:password@host:5432/db?sslmode=require</c>), a PostgreSQL key/value string
/// (<c>Host=…;Database=…</c>), or a DuckDB database file (<c>duckdb:path</c> or a plain path), opened read-only.
/// </summary>
public sealed class WarehouseConnection : IAsyncDisposable
{
    private WarehouseConnection(DbConnection connection, SqlDialect dialect, string display)
    {
        Connection = connection;
        Dialect = dialect;
        Display = display;
    }

    public DbConnection Connection { get; }

    public SqlDialect Dialect { get; }

    /// <summary>Where the connection goes, without a password: for progress lines and errors.</summary>
    public string Display { get; }

    /// <exception cref="WarehouseException">The connection string is malformed or the database cannot be reached.</exception>
    public static async Task<WarehouseConnection> OpenAsync(string connection, DuckDbSettings duckDb, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ArgumentNullException.ThrowIfNull(duckDb);
        var spec = connection.Trim();
        if (IsPostgreSql(spec))
        {
            var builder = PostgreSqlBuilder(spec);
            var display = $"postgresql {builder.Host}:{builder.Port}/{builder.Database}";
            var npgsql = new NpgsqlConnection(builder.ConnectionString);
            await OpenOrThrowAsync(npgsql, display, cancellationToken).ConfigureAwait(false);
            return new WarehouseConnection(npgsql, SqlDialect.PostgreSql, display);
        }

        var path = spec.StartsWith("duckdb:", StringComparison.OrdinalIgnoreCase) ? spec["duckdb:".Length..] : spec;
        if (path != ":memory:" && !File.Exists(path))
        {
            throw new WarehouseException($"no DuckDB database file '{path}' (a PostgreSQL connection starts with postgresql:// or has Host=…)");
        }

        var duck = new DuckDBConnection(path == ":memory:" ? "DataSource=:memory:" : $"DataSource={path};ACCESS_MODE=READ_ONLY");
        await OpenOrThrowAsync(duck, $"duckdb {path}", cancellationToken).ConfigureAwait(false);
        var result = new WarehouseConnection(duck, SqlDialect.DuckDb, $"duckdb {path}");
        await result.ApplyAsync(duckDb, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// An in-process DuckDB for CSV and Parquet files read where they lie: in memory, or on a new database file
    /// (a scratch database that imported data can spill to).
    /// </summary>
    public static async Task<WarehouseConnection> OpenDuckDbScratchAsync(DuckDbSettings settings, string? databaseFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var duck = new DuckDBConnection($"DataSource={databaseFile ?? ":memory:"}");
        await OpenOrThrowAsync(duck, "duckdb", cancellationToken).ConfigureAwait(false);
        var result = new WarehouseConnection(duck, SqlDialect.DuckDb, "duckdb");
        await result.ApplyAsync(settings, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>A PostgreSQL URI or key/value string, rather than a DuckDB file.</summary>
    public static bool IsPostgreSql(string spec) =>
        spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || (spec.Contains('=', StringComparison.Ordinal) && !spec.StartsWith("duckdb:", StringComparison.OrdinalIgnoreCase));

    private static NpgsqlConnectionStringBuilder PostgreSqlBuilder(string spec)
    {
        try
        {
            return spec.Contains("://", StringComparison.Ordinal) ? PostgreSqlUri.Parse(spec) : new NpgsqlConnectionStringBuilder(spec);
        }
        catch (ArgumentException e)
        {
            // The message may quote the string, password included: say only what is wrong.
            throw new WarehouseException($"the PostgreSQL connection string is not valid ({e.GetType().Name})", e);
        }
    }

    private static async Task OpenOrThrowAsync(DbConnection connection, string display, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new WarehouseException($"cannot connect to {display}: {WarehouseException.FirstLine(e)}", e);
        }
    }

    private async Task ApplyAsync(DuckDbSettings settings, CancellationToken cancellationToken)
    {
        foreach (var statement in settings.Statements())
        {
            using var command = Connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
