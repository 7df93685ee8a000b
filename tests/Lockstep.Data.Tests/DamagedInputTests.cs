using Lockstep.Core;
using Lockstep.Tests.Shared;
using Parquet.Schema;

namespace Lockstep.Data.Tests;

/// <summary>
/// The CSV and Parquet readers turn any damaged copy of a real file into a table or one <see cref="InputException"/>
/// line naming the file: never an exception of the Parquet decoder (Thrift, Snappy, encodings) or of Sep.
/// </summary>
public sealed class DamagedInputTests : IDisposable
{
    private readonly TempFiles files = new();

    private static readonly ColumnRequest[] Requests =
    [
        new("score", ColumnKind.Number), new("label", ColumnKind.Label), new("region", ColumnKind.Text), new("at", ColumnKind.Timestamp, AllowMissing: true),
    ];

    [Fact]
    public async Task Parquet_files_give_a_table_or_an_input_error()
    {
        var rows = Enumerable.Range(0, 200).ToArray();
        var path = await files.Parquet(
            "p.parquet",
            (new DataField<double>("score"), rows.Select(i => i / 200.0).ToArray()),
            (new DataField<long>("label"), rows.Select(i => (long)(i % 2)).ToArray()),
            (new DataField<string>("region"), rows.Select(i => i % 3 == 0 ? "EU" : "US").ToArray()),
            (new DataField<DateTime>("at"), rows.Select(i => new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i)).ToArray()));

        ByteMutations.ReadOrInputError(File.ReadAllBytes(path), "p.parquet", bytes => Read(bytes, "damaged.parquet", "p.parquet"), 300);
    }

    [Fact]
    public void Csv_files_give_a_table_or_an_input_error()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"{i / 100.0},{i % 2},\"{(i % 3 == 0 ? "EU, west" : "US")}\",2026-11-{1 + (i % 28):00}T06:00:00Z");
        var original = System.Text.Encoding.UTF8.GetBytes("score,label,region,at\n" + string.Join('\n', lines) + "\n");

        ByteMutations.ReadOrInputError(original, "p.csv", bytes => Read(bytes, "damaged.csv", "p.csv"), 400);
    }

    private void Read(byte[] bytes, string name, string source)
    {
        var path = Path.Combine(files.Directory, $"{Guid.NewGuid():N}-{name}");
        File.WriteAllBytes(path, bytes);
        try
        {
            TableReader.ReadAsync(path, source, Requests).GetAwaiter().GetResult();
            TableReader.DescribeAsync(path, source).GetAwaiter().GetResult();
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose() => files.Dispose();
}
