using Lockstep.Core;
using Lockstep.Core.Time;

namespace Lockstep.Data.Tests;

public sealed class CsvTableReaderTests : IDisposable
{
    private readonly TempFiles files = new();

    [Fact]
    public async Task Reads_quoted_fields_with_delimiters_quotes_and_line_breaks()
    {
        var path = files.Text("p.csv", "id,comment,score\n1,\"a, b\",0.5\n2,\"say \"\"hi\"\"\nthen go\",0.25\n3,plain,1e-3\n");

        var table = await TableReader.ReadAsync(path, "p.csv", [new("comment", ColumnKind.Text), new("score", ColumnKind.Number)]);

        var comments = table.Column<TextColumn>("comment");
        Assert.Equal(3, table.Rows);
        Assert.Equal(["a, b", "say \"hi\"\nthen go", "plain"], comments.Codes.ToArray().Select(c => comments.Dictionary[c]));
        Assert.Equal([0.5, 0.25, 0.001], table.Column<NumberColumn>("score").Values.ToArray());
    }

    [Fact]
    public async Task Reads_other_delimiters_and_tsv_by_extension()
    {
        var semicolon = files.Text("p.csv", "a;b\n1;2\n");
        var tab = files.Text("p.tsv", "a\tb\n1\t2\n");

        var first = await TableReader.ReadAsync(semicolon, "p.csv", [new("b", ColumnKind.Number)], new TableReadOptions { Delimiter = ';' });
        var second = await TableReader.ReadAsync(tab, "p.tsv", [new("b", ColumnKind.Number)]);

        Assert.Equal(2, first.Column<NumberColumn>("b").Values[0]);
        Assert.Equal(2, second.Column<NumberColumn>("b").Values[0]);
    }

    [Fact]
    public async Task Labels_accept_0_1_and_false_true()
    {
        var path = files.Text("p.csv", "y\n0\n1\ntrue\nFALSE\n1.0\n");

        var table = await TableReader.ReadAsync(path, "p.csv", [new("y", ColumnKind.Label)]);

        Assert.Equal([false, true, true, false, true], table.Column<LabelColumn>("y").Values.ToArray());
    }

    [Fact]
    public async Task Missing_values_become_NaN_where_allowed()
    {
        var path = files.Text("p.csv", "x\n1\n\nNA\nnan\n2\n");

        var table = await TableReader.ReadAsync(path, "p.csv", [new("x", ColumnKind.Number, AllowMissing: true)]);

        Assert.Equal(3, table.Column<NumberColumn>("x").Values.ToArray().Count(double.IsNaN));
        Assert.Equal(5, table.Rows);
    }

    public static TheoryData<string, ColumnRequest, string> BadFiles => new()
    {
        { "y,p\n0,0.5\n2,0.4\n", new("y", ColumnKind.Label), "p.csv:3: column 'y': expected a binary label (0 or 1, false or true), got '2'" },
        { "y,p\n0,0.5\n1,high\n", new("p", ColumnKind.Number), "p.csv:3: column 'p': expected a number, got 'high'" },
        { "y,p\n0,0.5\n1,NaN\n", new("p", ColumnKind.Number), "p.csv:3: column 'p': expected a finite number, got 'NaN'" },
        { "y,p\n0,0.5\n1,\n", new("p", ColumnKind.Number), "p.csv:3: column 'p': expected a finite number, got an empty cell" },
        { "y,p\n0,0.5\n", new("score", ColumnKind.Number), "p.csv:1: no column 'score' (the header has: y, p)" },
        { "", new("y", ColumnKind.Label), "p.csv: the file is empty: expected a header row" },
        { "t\nyesterday\n", new("t", ColumnKind.Timestamp), "p.csv:2: column 't': expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'yesterday'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_data_names_file_line_and_column(string content, ColumnRequest request, string expected)
    {
        var path = files.Text("p.csv", content);

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.csv", [request]));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", "p.csv:3: 1 field where the header has 2: every row needs one field per column (quote fields that contain the delimiter)")]
    [InlineData("a,b\n1,2\n\"x\ny\",2\n3,4,5\n", "p.csv:5: 3 fields where the header has 2: every row needs one field per column (quote fields that contain the delimiter)")]
    public async Task A_ragged_row_is_one_line_with_its_line_number(string content, string expected)
    {
        var path = files.Text("p.csv", content);

        var read = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.csv", [new("a", ColumnKind.Text)]));
        var describe = await Assert.ThrowsAsync<InputException>(() => TableReader.DescribeAsync(path, "p.csv"));

        Assert.Equal(expected, read.Message);
        Assert.Equal(expected, describe.Message);
    }

    [Theory]
    [InlineData("p.csv", "a;b\n1;2\n", "p.csv:1: the header is one column 'a;b' when split at ',': if the fields are separated by ';', pass --delimiter ';'")]
    [InlineData("p.csv", "a\tb\n1\t2\n", "p.csv:1: the header is one column 'a\tb' when split at ',': if the fields are separated by 'tab', pass --delimiter 'tab'")]
    public async Task A_header_split_at_the_wrong_delimiter_hints_the_delimiter_option(string name, string content, string expected)
    {
        var path = files.Text(name, content);

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, name, [new("a", ColumnKind.Number)]));

        Assert.Equal(expected, error.Message);
        var table = await TableReader.ReadAsync(path, name, [new("a", ColumnKind.Number)], new TableReadOptions { Delimiter = content[1] });
        Assert.Equal([1.0], table.Column<NumberColumn>("a").Values.ToArray());
    }

    [Theory]
    [InlineData("01/12/2026")]
    [InlineData("12/01/2026 10:30")]
    [InlineData("10:30")]
    [InlineData("26.11.2026")]
    public async Task Culture_dependent_timestamps_are_errors_naming_line_and_column(string cell)
    {
        var path = files.Text("p.csv", $"id,t\n1,2026-11-26\n2,{cell}\n");

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.csv", [new("t", ColumnKind.Timestamp)]));

        Assert.Equal($"p.csv:3: column 't': expected {IsoTime.Expected}, got '{cell}'", error.Message);
    }

    [Fact]
    public async Task Timestamps_without_an_offset_are_UTC_and_offsets_are_applied()
    {
        var path = files.Text("p.csv", "t\n2026-11-26\n2026-11-26 06:00\n2026-11-26T06:00:00+01:00\n");

        var table = await TableReader.ReadAsync(path, "p.csv", [new("t", ColumnKind.Timestamp)]);

        Assert.Equal(
            [new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc).Ticks],
            table.Column<TimestampColumn>("t").UtcTicks.ToArray());
    }

    [Fact]
    public async Task A_timestamp_after_the_latest_allowed_names_its_line()
    {
        var path = files.Text("p.csv", "t\n2026-11-25T00:00:00Z\n2026-11-27T00:00:00Z\n");
        var latest = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.csv", [new("t", ColumnKind.Timestamp, Latest: latest)]));

        Assert.Equal("p.csv:3: column 't': 2026-11-27T00:00:00Z is after 2026-11-26T00:00:00Z, the time the ages are measured at (--as-of); a newer timestamp would give a negative age", error.Message);
    }

    [Fact]
    public async Task Describe_types_columns_from_their_first_rows()
    {
        var path = files.Text("p.csv", "age,plan,income\n31,basic,\n45,pro,1200.5\nNone,pro,N/A\n");

        var columns = await TableReader.DescribeAsync(path, "p.csv");

        Assert.Equal([new("age", ColumnKind.Number), new("plan", ColumnKind.Text), new("income", ColumnKind.Number)], columns);
    }

    [Fact]
    public async Task Reports_progress_and_the_final_row_count()
    {
        var path = files.Text("p.csv", "x\n" + string.Concat(Enumerable.Range(0, 70_000).Select(i => $"{i}\n")));
        var reports = new List<ReadProgress>();

        await TableReader.ReadAsync(path, "p.csv", [new("x", ColumnKind.Number)], new TableReadOptions { Progress = new Recorder(reports) });

        Assert.Contains(reports, r => r.Rows == 65_536);
        Assert.Equal(70_000, reports[^1].Rows);
        Assert.Equal(reports[^1].TotalBytes, reports[^1].BytesRead);
    }

    public void Dispose() => files.Dispose();

    private sealed class Recorder(List<ReadProgress> reports) : IProgress<ReadProgress>
    {
        public void Report(ReadProgress value) => reports.Add(value);
    }
}
