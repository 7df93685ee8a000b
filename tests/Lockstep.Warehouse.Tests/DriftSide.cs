using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Lockstep.Core.Drift;
using Npgsql;
using NpgsqlTypes;
using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace Lockstep.Warehouse.Tests;

/// <summary>
/// One side of a test comparison with three features: <c>x</c> (numbers with NULL, NaN and ±∞), <c>k</c> (numbers
/// with few distinct values) and <c>c</c> (categories with NULL and empty text); loaded the same way everywhere.
/// </summary>
public sealed record DriftSide(double?[] X, double?[] K, string?[] C)
{
    public static readonly string[] Features = ["x", "k", "c"];

    public int Rows => X.Length;

    /// <summary>The feature as the in-memory path sees it after reading a file.</summary>
    public FeatureSample Sample(string feature)
    {
        if (feature == "c")
        {
            var counts = C.Where(v => !string.IsNullOrEmpty(v)).GroupBy(v => v!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            return FeatureSample.Categorical(counts, C.Count(string.IsNullOrEmpty));
        }

        var values = (feature == "x" ? X : K).Select(v => v ?? double.NaN).ToArray();
        return FeatureSample.Numeric(values, values.Length);
    }

    /// <summary>Rows [from, to), with their times.</summary>
    public DriftSide Slice(int from, int to) => new(X[from..to], K[from..to], C[from..to]);

    public async Task LoadAsync(NpgsqlConnection connection, string table)
    {
        await using (var create = new NpgsqlCommand($"CREATE TABLE {table} (x DOUBLE PRECISION, k DOUBLE PRECISION, c TEXT, ts TIMESTAMPTZ)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} (x, k, c, ts) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < Rows; i++)
        {
            await writer.StartRowAsync();
            await WriteAsync(writer, X[i]);
            await WriteAsync(writer, K[i]);
            if (C[i] is { } text)
            {
                await writer.WriteAsync(text, NpgsqlDbType.Text);
            }
            else
            {
                await writer.WriteNullAsync();
            }

            await writer.WriteAsync(Time(i), NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    /// <summary>Into a DuckDB table, through a Parquet file (which keeps NaN and ±∞ as they are).</summary>
    public async Task LoadAsync(DuckDBConnection connection, string table, string directory)
    {
        var parquet = Path.Combine(directory, table + ".parquet");
        await WriteParquetAsync(parquet);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE {table} AS SELECT * FROM read_parquet('{parquet}')";
        await command.ExecuteNonQueryAsync();
    }

    public async Task WriteParquetAsync(string path)
    {
        var rows = Enumerable.Range(0, Rows).Select(i => new ParquetRow { X = X[i], K = K[i], C = C[i], Ts = Time(i).UtcDateTime });
        await using var stream = File.Create(path);
        await ParquetSerializer.SerializeAsync(rows, stream);
    }

    /// <summary>
    /// A CSV as a user would have it: empty cells, <c>NA</c>, <c>NaN</c> and <c>inf</c> for the missing numbers, and
    /// categories that look like those tokens (<c>NA</c> for North America) but are values.
    /// </summary>
    public void WriteCsv(string path)
    {
        var csv = new StringBuilder("x,k,c\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Cell(X[i], i)},{Cell(K[i], i)},{C[i]}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>Row i's time: one row a minute from 2026-11-01T00:00Z.</summary>
    public static DateTimeOffset Time(int row) => new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(row);

    private static string Cell(double? value, int row) => value switch
    {
        null => row % 2 == 0 ? string.Empty : "NA",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        var v when double.IsNaN(v.Value) => "NaN",
        var v => v.Value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static Task WriteAsync(NpgsqlBinaryImporter writer, double? value) =>
        value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Double) : writer.WriteNullAsync();
}

/// <summary>A row of the Parquet files the tests write.</summary>
public sealed class ParquetRow
{
    [JsonPropertyName("x")]
    public double? X { get; init; }

    [JsonPropertyName("k")]
    public double? K { get; init; }

    [JsonPropertyName("c")]
    public string? C { get; init; }

    [JsonPropertyName("ts")]
    public DateTime Ts { get; init; }
}
