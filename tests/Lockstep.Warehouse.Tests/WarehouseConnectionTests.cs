using Lockstep.Core.Warehouse;

namespace Lockstep.Warehouse.Tests;

[Collection(PostgresTests.Name)]
public sealed class WarehouseConnectionTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_uri_and_a_key_value_string_open_postgresql_and_the_display_has_no_password()
    {
        foreach (var connection in new[] { postgres.Uri, postgres.ConnectionString })
        {
            await using var opened = await WarehouseConnection.OpenAsync(connection, new DuckDbSettings(), default);

            Assert.Same(SqlDialect.PostgreSql, opened.Dialect);
            Assert.Equal($"postgresql 127.0.0.1:{postgres.Port}/postgres", opened.Display);
            Assert.DoesNotContain(PostgresServer.Password, opened.Display, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_one_line_without_the_password()
    {
        var error = await Assert.ThrowsAsync<WarehouseException>(() => WarehouseConnection.OpenAsync(
            $"postgresql://{PostgresServer.User}:not-the-pass-42@127.0.0.1:{postgres.Port}/postgres", new DuckDbSettings(), default));

        Assert.StartsWith($"cannot connect to postgresql 127.0.0.1:{postgres.Port}/postgres: 28P01: password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-pass-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duckdb_file_opens_read_only_and_a_missing_one_is_named()
    {
        var directory = Directory.CreateTempSubdirectory("lockstep-duckdb-");
        try
        {
            var path = Path.Combine(directory.FullName, "w.duckdb");
            await using (var create = await WarehouseConnection.OpenDuckDbScratchAsync(new DuckDbSettings(), path, default))
            {
                using var command = create.Connection.CreateCommand();
                command.CommandText = "CREATE TABLE t AS SELECT 1 AS x";
                await command.ExecuteNonQueryAsync();
            }

            await using var opened = await WarehouseConnection.OpenAsync("duckdb:" + path, new DuckDbSettings { MemoryLimit = "128MB" }, default);
            Assert.Same(SqlDialect.DuckDb, opened.Dialect);
            Assert.Equal(1, await new WarehouseDrift(opened).RowsAsync(SqlSource.Parse("t"), default));
            using var write = opened.Connection.CreateCommand();
            write.CommandText = "CREATE TABLE u AS SELECT 1 AS x";
            Assert.ThrowsAny<Exception>(() => write.ExecuteNonQuery());

            var missing = await Assert.ThrowsAsync<WarehouseException>(() => WarehouseConnection.OpenAsync(Path.Combine(directory.FullName, "none.duckdb"), new DuckDbSettings(), default));
            Assert.StartsWith("no DuckDB database file '", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
