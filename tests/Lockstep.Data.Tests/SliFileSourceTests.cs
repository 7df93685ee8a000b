using Lockstep.Core;
using Lockstep.Core.Slo;
using Parquet.Schema;

namespace Lockstep.Data.Tests;

public sealed class SliFileSourceTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFiles files = new();

    private static SloDefinition Slo(string path) => new()
    {
        Id = "availability",
        Family = SloFamily.Software,
        Objective = 0.995,
        WindowDays = 28,
        Budgeting = BudgetingMethod.Occurrences,
        Sli = new FileSli(path),
    };

    private Task<IReadOnlyList<SliSample>> ReadAsync(string name) =>
        new SliFileSource(p => (p, Path.Combine(files.Directory, p))).ReadAsync(Slo(name), From, To, CancellationToken.None);

    [Fact]
    public async Task Reads_the_rows_of_the_period_from_csv()
    {
        files.Text("a.csv", "timestamp,good,total\n2026-11-01T00:00:00Z,1,1\n2026-11-10T12:00:00Z,9990,10000\n2026-11-28T23:58:00+01:00,85,100\n2026-11-29T00:00:01Z,0,5\n");

        var samples = await ReadAsync("a.csv");

        // The first row is on the period's start and the last after its end; 23:58+01:00 is 22:58 UTC.
        Assert.Equal(
            [new SliSample(new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero), 9990, 10000), new SliSample(new(2026, 11, 28, 22, 58, 0, TimeSpan.Zero), 85, 100)],
            samples);
    }

    [Fact]
    public async Task Reads_parquet()
    {
        await files.Parquet(
            "a.parquet",
            (new DataField<string>("timestamp"), new[] { "2026-11-10T12:00:00Z" }),
            (new DataField<double>("good"), new[] { 7.0 }),
            (new DataField<double>("total"), new[] { 8.0 }));

        var samples = await ReadAsync("a.parquet");

        Assert.Equal([new SliSample(new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero), 7, 8)], samples);
    }

    [Theory]
    [InlineData("2026-11-10T12:00:00Z,11,10", "a.csv:3: column 'good': expected a count from 0 to total (10), got 11")]
    [InlineData("2026-11-10T12:00:00Z,1,-1", "a.csv:3: column 'total': expected a count ≥ 0, got -1")]
    [InlineData("2026-11-10T12:00:00Z,,10", "a.csv:3: column 'good': ")]
    public async Task A_bad_count_names_the_file_line_and_column(string row, string expected)
    {
        files.Text("a.csv", $"timestamp,good,total\n2026-11-09T00:00:00Z,1,1\n{row}\n");

        var error = await Assert.ThrowsAsync<InputException>(() => ReadAsync("a.csv"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_count_in_parquet_names_the_row()
    {
        await files.Parquet(
            "a.parquet",
            (new DataField<string>("timestamp"), new[] { "2026-11-10T12:00:00Z", "2026-11-11T12:00:00Z" }),
            (new DataField<double>("good"), new[] { 1.0, 5.0 }),
            (new DataField<double>("total"), new[] { 1.0, 4.0 }));

        var error = await Assert.ThrowsAsync<InputException>(() => ReadAsync("a.parquet"));

        Assert.Equal("a.parquet: row 2, column 'good': expected a count from 0 to total (4), got 5", error.Message);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        files.Text("a.csv", "timestamp,ok,total\n2026-11-10T12:00:00Z,1,1\n");

        var error = await Assert.ThrowsAsync<InputException>(() => ReadAsync("a.csv"));

        Assert.Equal("a.csv:1: no column 'good' (the header has: timestamp, ok, total)", error.Message);
    }

    [Fact]
    public void Reads_only_file_slis() =>
        Assert.Equal([true, false], new SliSpec[] { new FileSli("a.csv"), new HistorySli("auc", null, 0.8, null) }.Select(new SliFileSource(p => (p, p)).Reads));

    public void Dispose() => files.Dispose();
}
