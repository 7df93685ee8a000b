using Lockstep.Core;

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
        { "t\nyesterday\n", new("t", ColumnKind.Timestamp), "p.csv:2: column 't': expected an ISO 8601 timestamp, got 'yesterday'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_data_names_file_line_and_column(string content, ColumnRequest request, string expected)
    {
        var path = files.Text("p.csv", content);

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.csv", [request]));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task Ragged_rows_are_an_input_error()
    {
        var path = files.Text("p.csv", "a,b\n1,2\n3\n");

        var error = await Assert.ThrowsAsync<InputException>(() => TableReader.ReadAsync(path, "p.csv", [new("a", ColumnKind.Number)]));

        Assert.StartsWith("p.csv: invalid CSV", error.Message, StringComparison.Ordinal);
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
