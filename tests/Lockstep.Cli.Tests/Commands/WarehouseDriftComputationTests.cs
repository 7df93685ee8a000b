using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Lockstep.Core.Drift;
using Microsoft.Extensions.Time.Testing;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>
/// <c>lockstep drift</c> with <c>--engine duckdb</c> and with <c>--reference-sql</c>/<c>--current-sql</c> on a DuckDB
/// database file: the same report as the in-memory engine; the option rules and database errors in one line, exit 2.
/// (PostgreSQL is exercised against a real server in Lockstep.Warehouse.Tests.)
/// </summary>
public sealed class WarehouseDriftComputationTests : IDisposable
{
    private readonly CliHarness cli = new();

    public WarehouseDriftComputationTests()
    {
        cli.Write("ref.csv", Csv(0, 300, i => ((i * 37 % 101) / 10.0).ToString("R", CultureInfo.InvariantCulture), i => i % 10 < 5 ? "a" : i % 10 < 8 ? "b" : "c"));
        cli.Write("cur.csv", Csv(300, 250, i => i % 25 == 0 ? "NA" : ((i * 53 % 97 / 8.0) + 1.5).ToString("R", CultureInfo.InvariantCulture), i => i % 30 == 0 ? string.Empty : i % 10 < 2 ? "a" : i % 10 < 4 ? "b" : "d"));
    }

    [Theory]
    [InlineData("evidently")]
    [InlineData("quantile")]
    public void Engine_duckdb_writes_the_report_of_the_memory_engine(string binning)
    {
        var memory = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--binning", binning, "--out", "memory.json");
        var duck = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--binning", binning, "--engine", "duckdb", "--memory-limit", "256MB", "--out", "duck.json");

        Assert.True(duck.ExitCode == 0, duck.ToString());
        var (expected, actual) = (Report("memory.json"), Report("duck.json"));
        Assert.Equal(expected.Reference, actual.Reference);
        Assert.Equal(expected.Current, actual.Current);
        Assert.Equal((expected.ReferenceRows, expected.CurrentRows), (actual.ReferenceRows, actual.CurrentRows));
        AssertSameFeatures(expected, actual);
        Assert.Contains("queried duckdb: 3 features, ", duck.Error, StringComparison.Ordinal);
        Assert.True(memory.ExitCode == 0, memory.ToString());
    }

    [Fact]
    public void Sql_sides_in_a_duckdb_database_give_the_memory_report_and_name_the_query()
    {
        CreateDatabase("warehouse.duckdb");
        cli.Environment["WAREHOUSE"] = "warehouse.duckdb";

        var (run, report) = RunAgainstMemory("--reference-sql", "reference_rows", "--current-sql", "SELECT * FROM current_rows WHERE TRUE;", "--connection", "env:WAREHOUSE");

        Assert.Equal("sql:reference_rows", report.Reference.Path);
        Assert.Equal("sql:SELECT * FROM current_rows WHERE TRUE", report.Current.Path);
        Assert.Matches("^[0-9a-f]{64}$", report.Reference.Sha256);
        Assert.Equal((300L, 250L), (report.ReferenceRows, report.CurrentRows));
        Assert.Matches(@"queried duckdb .*warehouse\.duckdb: 2 features, \d+ queries in ", run.Error);
    }

    [Fact]
    public void Windows_on_a_table_select_rows_by_time_and_a_duration_ends_now()
    {
        CreateDatabase("warehouse.duckdb");
        cli.Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 10, 0, TimeSpan.Zero));
        cli.Environment["LOCKSTEP_CONNECTION"] = "warehouse.duckdb";

        // Rows are a minute apart from 2026-11-01T00:00Z: the first 300 minutes, then the 250 up to 09:10.
        var (_, report) = RunAgainstMemory(
            "--reference-sql", "all_rows", "--current-sql", "all_rows", "--time-column", "ts", "--reference-window", "2026-11-01/2026-11-01T05:00Z", "--current-window", "PT250M");

        Assert.Equal("sql:all_rows where ts in [2026-11-01T00:00:00Z, 2026-11-01T05:00:00Z)", report.Reference.Path);
        Assert.Equal("sql:all_rows where ts in [2026-11-01T05:00:00Z, 2026-11-01T09:10:00Z)", report.Current.Path);
    }

    [Theory]
    [InlineData("--reference ref.csv --reference-sql t --current cur.csv", "error: give --reference or --reference-sql, not both\n")]
    [InlineData("--current cur.csv", "error: --reference (a file) or --reference-sql (a query or table) is required\n")]
    [InlineData("--reference ref.csv --current-sql t", "error: --reference-sql and --current-sql go together: both sides must be in one database (the KS statistic is one query over both)\n")]
    [InlineData("--reference-sql t --current-sql u --reference-window P1D", "error: --reference-window needs --time-column\n")]
    [InlineData("--reference-sql \"SELECT 1\" --current-sql u --time-column ts --reference-window P1D", "error: --reference-window applies to a table name in --reference-sql; a query selects its own rows with WHERE\n")]
    [InlineData("--reference-sql t --current-sql u --engine duckdb", "error: --engine is for --reference/--current files; SQL runs in its database\n")]
    [InlineData("--reference-sql t --current-sql u --time-column ts --current-window P1M", "error: --current-window: 'P1M' is not a duration in days, hours, minutes or seconds (P7D, PT6H, P1DT12H)\n")]
    [InlineData("--reference-sql t --current-sql u", "error: --connection: the environment variable LOCKSTEP_CONNECTION is not set (give --connection, or set it)\n")]
    [InlineData("--reference ref.csv --current cur.csv --engine spark", "error: Argument 'spark' not recognized. Must be one of:\n")]
    public void Option_mistakes_are_one_line_and_exit_2(string arguments, string expected)
    {
        CreateDatabase("warehouse.duckdb");
        var run = cli.Run([.. "drift --out drift.json".Split(' '), .. Split(arguments)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected.TrimEnd('\n'), EvalCommandTests.ErrorLine(run), StringComparison.Ordinal);
        Assert.False(cli.Exists("drift.json"));
    }

    [Fact]
    public void Database_errors_are_one_line_and_exit_2()
    {
        CreateDatabase("warehouse.duckdb");

        var missing = cli.Run("drift", "--reference-sql", "reference_rows", "--current-sql", "current_rows", "--connection", "warehouse.duckdb", "--columns", "nope", "--out", "drift.json");
        var syntax = cli.Run("drift", "--reference-sql", "SELEC age FROM reference_rows", "--current-sql", "current_rows", "--connection", "warehouse.duckdb", "--out", "drift.json");
        var noTable = cli.Run("drift", "--reference-sql", "reference_rows", "--current-sql", "no_such_table", "--connection", "warehouse.duckdb", "--columns", "age", "--out", "drift.json");

        Assert.Equal((2, 2, 2), (missing.ExitCode, syntax.ExitCode, noTable.ExitCode));
        Assert.Equal("error: --reference-sql: no column 'nope' (the query has: age, plan, ts)\n", EvalCommandTests.ErrorLine(missing));
        Assert.Matches(@"^error: duckdb .*warehouse\.duckdb: refused the columns query: Parser Error: syntax error at or near ""FROM""\n$", EvalCommandTests.ErrorLine(syntax));
        Assert.Matches(@"^error: duckdb .*warehouse\.duckdb: refused the rows query: Catalog Error: Table with name no_such_table does not exist!?\n$", EvalCommandTests.ErrorLine(noTable));
        Assert.False(cli.Exists("drift.json"));
    }

    [Fact]
    public void A_refused_connection_is_one_line_and_never_shows_the_password()
    {
        var run = cli.Run("drift", "--reference-sql", "t", "--current-sql", "u", "--connection", "postgresql://monitor:pw-9f3k@127.0.0.1:1/serving", "--out", "drift.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --connection: cannot connect to postgresql 127.0.0.1:1/serving: ", EvalCommandTests.ErrorLine(run), StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.DoesNotContain("pw-9f3k", run.Error + run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();

    /// <summary>Runs drift of age and plan with these data options, checks it against the in-memory drift of the CSV files, and returns it.</summary>
    private (CliRun Run, DriftReport Report) RunAgainstMemory(params string[] dataOptions)
    {
        var run = cli.Run(["drift", .. dataOptions, "--columns", "age,plan", "--out", "drift.json"]);
        cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--columns", "age,plan", "--out", "memory.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = Report("drift.json");
        AssertSameFeatures(Report("memory.json"), report);
        return (run, report);
    }

    private DriftReport Report(string name) => DriftReportJson.Parse(cli.Read(name), name);

    private static void AssertSameFeatures(DriftReport expected, DriftReport actual)
    {
        Assert.Equal(expected.Features.Select(f => (f.Feature, f.Kind, f.Bins)), actual.Features.Select(f => (f.Feature, f.Kind, f.Bins)));
        foreach (var (e, a) in expected.Features.Zip(actual.Features))
        {
            Assert.Equal(e.Psi, a.Psi, 1e-9);
            Assert.Equal(e.KsStatistic ?? -1, a.KsStatistic ?? -1, 1e-9);
            Assert.Equal(e.KsPValue ?? -1, a.KsPValue ?? -1, 1e-9);
            Assert.Equal(e.WassersteinNormed ?? -1, a.WassersteinNormed ?? -1, 1e-9);
            Assert.Equal(e.JensenShannon ?? -1, a.JensenShannon ?? -1, 1e-9);
            Assert.Equal((e.MissingShareReference, e.MissingShareCurrent), (a.MissingShareReference, a.MissingShareCurrent));
            Assert.Equal(e.Reference.Histogram?.Counts, a.Reference.Histogram?.Counts);
            Assert.Equal(e.Current.Histogram?.Counts, a.Current.Histogram?.Counts);
            Assert.Equal(e.Current.Categories?.OrderBy(p => p.Key, StringComparer.Ordinal), a.Current.Categories?.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(e.Current.Missing, a.Current.Missing);
        }
    }

    /// <summary>A DuckDB database with the two CSV files as tables, and both in one table with a time a minute apart.</summary>
    private void CreateDatabase(string name)
    {
        using var connection = new DuckDBConnection($"DataSource={Path.Combine(cli.Directory, name)}");
        connection.Open();
        using var command = connection.CreateCommand();
        var options = "header = true, nullstr = ['', 'NA'], columns = {'age': 'DOUBLE', 'plan': 'VARCHAR', 'ts': 'TIMESTAMPTZ'}";
        command.CommandText = $"""
            CREATE TABLE reference_rows AS SELECT * FROM read_csv('{Path.Combine(cli.Directory, "ref.csv")}', {options});
            CREATE TABLE current_rows AS SELECT * FROM read_csv('{Path.Combine(cli.Directory, "cur.csv")}', {options});
            CREATE TABLE all_rows AS SELECT * FROM reference_rows UNION ALL SELECT * FROM current_rows;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>age, plan and ts (a minute apart from 2026-11-01T00:00Z, from row <paramref name="first"/>).</summary>
    private static string Csv(int first, int rows, Func<int, string> age, Func<int, string> plan)
    {
        var text = new StringBuilder("age,plan,ts\n");
        for (var i = 0; i < rows; i++)
        {
            var ts = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(first + i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{age(i)},{plan(i)},{ts}\n");
        }

        return text.ToString();
    }

    private static string[] Split(string arguments) =>
        System.Text.RegularExpressions.Regex.Matches(arguments, "\"[^\"]*\"|\\S+").Select(m => m.Value.Trim('"')).ToArray();
}
