using Lockstep.Core.Warehouse;

namespace Lockstep.Core.Tests.Warehouse;

public class SqlSourceTests
{
    [Theory]
    [InlineData("serving_log", true)]
    [InlineData("analytics.serving_log", true)]
    [InlineData("  t$1 ", true)]
    [InlineData("SELECT * FROM serving_log", false)]
    [InlineData("a.b.c", false)]
    [InlineData("1table", false)]
    public void A_bare_name_is_a_table_and_anything_else_a_query(string text, bool table)
    {
        Assert.Equal(table, SqlSource.Parse(text).IsTable);
    }

    [Fact]
    public void A_query_is_a_subquery_without_its_trailing_semicolon()
    {
        var source = SqlSource.Parse("SELECT * FROM t WHERE x > 1 ;");

        Assert.Equal("(SELECT * FROM t WHERE x > 1) AS lockstep_source", source.Relation(SqlDialect.PostgreSql));
        Assert.Equal("sql:SELECT * FROM t WHERE x > 1", source.Description);
    }

    [Fact]
    public void A_table_is_quoted_part_by_part()
    {
        Assert.Equal("\"analytics\".\"Serving\" AS lockstep_source", SqlSource.Parse("analytics.Serving").Relation(SqlDialect.DuckDb));
    }

    [Fact]
    public void A_window_selects_start_inclusive_and_end_exclusive_in_utc()
    {
        var start = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.FromHours(2));
        var source = SqlSource.Parse("serving_log").Windowed("served_at", start, start.AddDays(1));

        Assert.Equal(
            "(SELECT * FROM \"serving_log\" WHERE \"served_at\" >= CAST('2026-11-01T00:00:00Z' AS TIMESTAMP WITH TIME ZONE) AND \"served_at\" < CAST('2026-11-02T00:00:00Z' AS TIMESTAMP WITH TIME ZONE)) AS lockstep_source",
            source.Relation(SqlDialect.PostgreSql));
        Assert.Equal("sql:serving_log where served_at in [2026-11-01T00:00:00Z, 2026-11-02T00:00:00Z)", source.Description);
    }

    [Fact]
    public void A_window_needs_a_table_and_an_end_after_its_start()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Throws<ArgumentException>(() => SqlSource.Parse("SELECT 1").Windowed("ts", now, now.AddDays(1)));
        Assert.Throws<ArgumentException>(() => SqlSource.Parse("t").Windowed("ts", now, now));
    }
}
