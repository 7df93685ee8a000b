using Lockstep.Core;
using Parquet.Schema;

namespace Lockstep.Data.Tests;

public sealed class ParquetTableReaderTests : IDisposable
{
    private readonly TempFiles files = new();

    [Fact]
    public async Task Reads_numbers_labels_text_and_timestamps()
    {
        var path = await files.Parquet(
            "p.parquet",
            (new DataField<double>("score"), new[] { 0.9, 0.1, 0.4 }),
            (new DataField<long>("label"), new long[] { 1, 0, 1 }),
            (new DataField<bool>("flag"), new[] { true, false, false }),
            (new DataField<string>("region"), new[] { "EU", "US", "EU" }),
            (new DataField<DateTime>("at"), new[] { new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc) }));

        var table = await TableReader.ReadAsync(
            path, "p.parquet",
            [new("score", ColumnKind.Number), new("label", ColumnKind.Label), new("flag", ColumnKind.Label), new("region", ColumnKind.Text), new("at", ColumnKind.Timestamp)]);

        Assert.Equal(3, table.Rows);
        Assert.Equal([0.9, 0.1, 0.4], table.Column<NumberColumn>("score").Values.ToArray());
        Assert.Equal([true, false, true], table.Column<LabelColumn>("label").Values.ToArray());
        Assert.Equal([true, false, false], table.Column<LabelColumn>("flag").Values.ToArray());
        Assert.Equal(["EU", "US"], table.Column<TextColumn>("region").Dictionary);
        Assert.Equal(new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc).Ticks, table.Column<TimestampColumn>("at").UtcTicks[0]);
    }

    [Fact]
    public async Task Nulls_are_missing_numbers_where_allowed_and_errors_otherwise()
    {
        var path = await files.Parquet("p.parquet", (new DataField<double?>("x"), new double?[] { 1.5, null, 2.5 }));

        var table = await TableReader.ReadAsync(path, "p.parquet", [new("x", ColumnKind.Number, AllowMissing: true)]);
        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.parquet", [new("x", ColumnKind.Number)]));

        Assert.True(double.IsNaN(table.Column<NumberColumn>("x").Values[1]));
        Assert.Equal("p.parquet: row 2, column 'x': expected a finite number, got null", error.Message);
    }

    [Fact]
    public async Task Label_outside_0_1_names_the_row()
    {
        var path = await files.Parquet("p.parquet", (new DataField<long>("y"), new long[] { 0, 1, 3 }));

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.parquet", [new("y", ColumnKind.Label)]));

        Assert.Equal("p.parquet: row 3, column 'y': expected a binary label (0 or 1, false or true), got 3", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_an_input_error()
    {
        var path = files.Text("p.parquet", "y,p\n0,0.5\n");

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.parquet", [new("y", ColumnKind.Label)]));

        Assert.StartsWith("p.parquet: not a readable Parquet file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_column_lists_the_columns_there_are()
    {
        var path = await files.Parquet("p.parquet", (new DataField<double>("p"), new[] { 0.5 }));

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.parquet", [new("y", ColumnKind.Label)]));

        Assert.Equal("p.parquet: no column 'y' (the file has: p)", error.Message);
    }

    [Fact]
    public async Task Describe_types_columns_from_the_schema()
    {
        var path = await files.Parquet("p.parquet", (new DataField<double>("p"), new[] { 0.5 }), (new DataField<string>("s"), new[] { "a" }));

        Assert.Equal([new("p", ColumnKind.Number), new("s", ColumnKind.Text)], await TableReader.DescribeAsync(path, "p.parquet"));
    }

    public void Dispose() => files.Dispose();
}
