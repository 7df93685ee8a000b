using CsCheck;
using DuckDB.NET.Data;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;
using Lockstep.Core.Warehouse;

namespace Lockstep.Warehouse.Tests;

/// <summary>
/// The drift computed in PostgreSQL and DuckDB (tables, queries, windows, and CSV and Parquet files read by DuckDB)
/// equals the in-memory drift of the same values (<see cref="FeatureDriftCalculator"/>) within 1e-9, in both binnings.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class WarehouseDriftTests(PostgresServer postgres) : IDisposable
{
    private static int tables;
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("lockstep-warehouse-");

    public static TheoryData<string, int, string> Settings => new()
    {
        { "evidently", 10, "evidently" },
        { "evidently", 10, "epsilon" },
        { "quantile", 10, "evidently" },
        { "quantile", 4, "epsilon" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task PostgreSql_tables_and_queries_give_the_in_memory_drift(string binning, int bins, string emptyBins)
    {
        var (reference, current) = (Fixed(seed: 1, rows: 600, shift: 0), Fixed(seed: 2, rows: 450, shift: 0.7));
        var (referenceTable, currentTable) = await LoadPostgresAsync(reference, current);
        await using var connection = await WarehouseConnection.OpenAsync(postgres.ConnectionString, new DuckDbSettings(), default);
        await AssertSameAsync(connection, SqlSource.Parse(referenceTable), SqlSource.Parse(currentTable), reference, current, Options(binning, bins, emptyBins));
        await AssertSameAsync(
            connection,
            SqlSource.Parse($"SELECT x, k, c FROM {referenceTable} WHERE TRUE"),
            SqlSource.Parse($"SELECT * FROM {currentTable};"),
            reference,
            current,
            Options(binning, bins, emptyBins));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task DuckDb_tables_csv_and_parquet_give_the_in_memory_drift(string binning, int bins, string emptyBins)
    {
        var (reference, current) = (Fixed(seed: 3, rows: 700, shift: 0), Fixed(seed: 4, rows: 380, shift: -1.3));
        var options = Options(binning, bins, emptyBins);
        await using var connection = await WarehouseConnection.OpenDuckDbScratchAsync(new DuckDbSettings { MemoryLimit = "256MB", TempDirectory = directory.FullName }, null, default);
        var duck = (DuckDBConnection)connection.Connection;
        await reference.LoadAsync(duck, "reference_rows", directory.FullName);
        await current.LoadAsync(duck, "current_rows", directory.FullName);
        await AssertSameAsync(connection, SqlSource.Parse("reference_rows"), SqlSource.Parse("current_rows"), reference, current, options);

        reference.WriteCsv(Path.Combine(directory.FullName, "reference.csv"));
        current.WriteCsv(Path.Combine(directory.FullName, "current.csv"));
        await AssertSameAsync(connection, File("reference.csv"), File("current.csv"), reference, current, options);
        await AssertSameAsync(connection, File("reference_rows.parquet"), File("current_rows.parquet"), reference, current, options);
    }

    [Fact]
    public async Task A_time_window_on_a_table_selects_the_rows_in_it_in_both_databases()
    {
        var whole = Fixed(seed: 5, rows: 900, shift: 0);
        var (reference, current) = (whole.Slice(0, 500), whole.Slice(500, 900));
        var options = new DriftOptions();
        var (table, _) = await LoadPostgresAsync(whole, whole);
        await using (var pg = await WarehouseConnection.OpenAsync(postgres.Uri, new DuckDbSettings(), default))
        {
            await AssertSameAsync(pg, Window(table, 0, 500), Window(table, 500, 900), reference, current, options);
        }

        await using var duck = await WarehouseConnection.OpenDuckDbScratchAsync(new DuckDbSettings(), null, default);
        await whole.LoadAsync((DuckDBConnection)duck.Connection, "serving", directory.FullName);
        await AssertSameAsync(duck, Window("serving", 0, 500), Window("serving", 500, 900), reference, current, options);
    }

    [Fact]
    public async Task Random_data_with_ties_missing_values_few_values_and_categories_gives_the_in_memory_drift()
    {
        await using var pg = await WarehouseConnection.OpenAsync(postgres.ConnectionString, new DuckDbSettings(), default);
        await using var duck = await WarehouseConnection.OpenDuckDbScratchAsync(new DuckDbSettings(), null, default);
        var gen = Gen.Select(SideGen, SideGen, Gen.Bool, Gen.Int[2, 12]);
        await gen.SampleAsync(
            async (reference, current, quantile, bins) =>
            {
                var options = new DriftOptions { Binning = quantile ? BinningMode.Quantile : BinningMode.Evidently, Bins = bins };
                var (referenceTable, currentTable) = await LoadPostgresAsync(reference, current);
                await AssertSameAsync(pg, SqlSource.Parse(referenceTable), SqlSource.Parse(currentTable), reference, current, options);
                await reference.LoadAsync((DuckDBConnection)duck.Connection, referenceTable, directory.FullName);
                await current.LoadAsync((DuckDBConnection)duck.Connection, currentTable, directory.FullName);
                await AssertSameAsync(duck, SqlSource.Parse(referenceTable), SqlSource.Parse(currentTable), reference, current, options);
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public async Task A_side_with_no_values_for_a_feature_is_named()
    {
        var reference = Fixed(seed: 6, rows: 50, shift: 0);
        var current = reference with { X = reference.X.Select(_ => (double?)double.NaN).ToArray() };
        var (referenceTable, currentTable) = await LoadPostgresAsync(reference, current);
        await using var connection = await WarehouseConnection.OpenAsync(postgres.ConnectionString, new DuckDbSettings(), default);
        var drift = new WarehouseDrift(connection);
        var error = await Assert.ThrowsAsync<MetricException>(() => drift.CompareAsync(SqlSource.Parse(referenceTable), SqlSource.Parse(currentTable), "x", true, new DriftOptions(), default));
        Assert.Equal("the current has no values for this feature (all 50 missing)", error.Message);
    }

    [Fact]
    public async Task Database_errors_are_one_line_naming_the_step_and_the_feature()
    {
        var (referenceTable, currentTable) = await LoadPostgresAsync(Fixed(7, 20, 0), Fixed(8, 20, 0));
        await using var connection = await WarehouseConnection.OpenAsync(postgres.ConnectionString, new DuckDbSettings(), default);
        var drift = new WarehouseDrift(connection);

        var missing = await Assert.ThrowsAsync<WarehouseException>(() => drift.CompareAsync(SqlSource.Parse(referenceTable), SqlSource.Parse(currentTable), "nope", true, new DriftOptions(), default));
        Assert.StartsWith($"postgresql 127.0.0.1:{postgres.Port}/postgres refused the reference totals query of 'nope': 42703: column \"nope\" does not exist", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', missing.Message);

        var syntax = await Assert.ThrowsAsync<WarehouseException>(() => drift.RowsAsync(SqlSource.Parse("SELEC x FROM nowhere"), default));
        Assert.Contains("refused the rows query: 42601: syntax error", syntax.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, syntax.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_reports_every_query_with_its_feature_and_step()
    {
        var (referenceTable, currentTable) = await LoadPostgresAsync(Fixed(9, 100, 0), Fixed(10, 100, 0));
        await using var connection = await WarehouseConnection.OpenAsync(postgres.ConnectionString, new DuckDbSettings(), default);
        var done = new List<QueryDone>();
        var drift = new WarehouseDrift(connection, done.Add);
        await drift.CompareAsync(SqlSource.Parse(referenceTable), SqlSource.Parse(currentTable), "x", true, new DriftOptions(), default);
        Assert.Equal(
            ["reference totals", "current totals", "reference bins", "current bins", "KS and Wasserstein"],
            done.Select(d => d.Step));
        Assert.All(done, d => Assert.Equal("x", d.Feature));
    }

    public void Dispose() => directory.Delete(recursive: true);

    private static Gen<DriftSide> SideGen =>
        Gen.Int[1, 60].SelectMany(rows => Gen.Select(
            NumberGen(Gen.Double[-50, 50].Select(v => Math.Round(v, 1))).Array[rows],
            NumberGen(Gen.Int[0, 25].Select(v => (double)v)).Array[rows],
            Gen.OneOfConst<string?>("a", "b", "c", "dd", "É", "NA", "None", string.Empty, null).Array[rows],
            Gen.Double[-10, 10],
            Gen.Int[0, 9],
            Gen.OneOfConst("a", "b"))
        .Select((x, k, c, first, firstK, firstC) =>
        {
            // One value a side is always there: a feature with none is an error on both paths.
            x[0] = first;
            k[0] = firstK;
            c[0] = firstC;
            return new DriftSide(x, k, c);
        }));

    private static Gen<double?> NumberGen(Gen<double> values) => Gen.Frequency(
        (12, values.Select(v => (double?)v)),
        (1, Gen.OneOfConst<double?>(null, double.NaN, double.PositiveInfinity, double.NegativeInfinity)));

    private static DriftSide Fixed(int seed, int rows, double shift)
    {
        var random = new Random(seed);
        var x = new double?[rows];
        var k = new double?[rows];
        var c = new string?[rows];
        string?[] categories = ["red", "green", "NA", "blue", "amber", string.Empty, null];
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble();
            x[i] = u switch
            {
                < 0.02 => null,
                < 0.03 => double.NaN,
                < 0.035 => double.PositiveInfinity,
                < 0.04 => double.NegativeInfinity,
                < 0.3 => Math.Round(shift + (random.NextDouble() * 4), 1),
                _ => shift + (random.NextDouble() * random.NextDouble() * 10) - 3,
            };
            k[i] = random.Next(0, 9) + (shift > 0 ? random.Next(0, 2) : 0);
            c[i] = categories[Math.Min(categories.Length - 1, (int)(random.NextDouble() * random.NextDouble() * categories.Length * (shift > 0 ? 1.4 : 1)))];
        }

        return new DriftSide(x, k, c);
    }

    private static DriftOptions Options(string binning, int bins, string emptyBins) => new()
    {
        Binning = binning == "quantile" ? BinningMode.Quantile : BinningMode.Evidently,
        Bins = bins,
        EmptyBins = emptyBins == "epsilon" ? EmptyBinRule.Epsilon : EmptyBinRule.Evidently,
    };

    private static SqlSource Window(string table, int fromRow, int toRow) =>
        SqlSource.Parse(table).Windowed("ts", DriftSide.Time(fromRow), DriftSide.Time(toRow));

    private SqlSource File(string name) => DuckDbFiles.Source(Path.Combine(directory.FullName, name), name.EndsWith(".parquet", StringComparison.Ordinal), null);

    private async Task<(string Reference, string Current)> LoadPostgresAsync(DriftSide reference, DriftSide current)
    {
        var id = Interlocked.Increment(ref tables);
        var names = ($"reference_{id}", $"current_{id}");
        await using var connection = await postgres.OpenAsync();
        await reference.LoadAsync(connection, names.Item1);
        await current.LoadAsync(connection, names.Item2);
        return names;
    }

    private static async Task AssertSameAsync(WarehouseConnection connection, SqlSource referenceSource, SqlSource currentSource, DriftSide reference, DriftSide current, DriftOptions options)
    {
        var drift = new WarehouseDrift(connection);
        foreach (var feature in DriftSide.Features)
        {
            var expected = FeatureDriftCalculator.Compare(feature, reference.Sample(feature), current.Sample(feature), options);
            var actual = await drift.CompareAsync(referenceSource, currentSource, feature, feature != "c", options, default);
            DriftAssert.Equal(expected, actual);
        }

        Assert.Equal(reference.Rows, await drift.RowsAsync(referenceSource, default));
    }
}
