using Lockstep.Core.Warehouse;

namespace Lockstep.Core.Tests.Warehouse;

/// <summary>The generated SQL's shape; what it computes is checked against real databases in Lockstep.Warehouse.Tests.</summary>
public class DriftSqlTests
{
    private static readonly SqlSource Table = SqlSource.Parse("t");

    private const string Finite = "(SELECT CASE WHEN CAST(\"x\" AS DOUBLE PRECISION) > CAST('-Infinity' AS DOUBLE PRECISION) AND CAST(\"x\" AS DOUBLE PRECISION) < CAST('Infinity' AS DOUBLE PRECISION) THEN CAST(\"x\" AS DOUBLE PRECISION) END AS v FROM \"t\" AS lockstep_source)";

    [Fact]
    public void Numeric_totals_count_rows_and_finite_values()
    {
        Assert.Equal(
            $"SELECT COUNT(*) AS row_count, COUNT(f.v) AS finite_count, MIN(f.v) AS min_value, MAX(f.v) AS max_value, COUNT(DISTINCT f.v) AS distinct_count FROM {Finite} AS f",
            new DriftSql(SqlDialect.PostgreSql).NumericTotals(Table, "x"));
    }

    [Fact]
    public void Cumulative_counts_have_one_column_per_edge_and_the_closed_last_bin()
    {
        var sql = new DriftSql(SqlDialect.PostgreSql).CumulativeCounts(Table, "x", [double.NegativeInfinity, 0.5, double.PositiveInfinity]);

        Assert.Equal(
            "SELECT SUM(CASE WHEN f.v < CAST('-Infinity' AS DOUBLE PRECISION) THEN 1 ELSE 0 END) AS below_0, "
            + "SUM(CASE WHEN f.v < CAST('0.5' AS DOUBLE PRECISION) THEN 1 ELSE 0 END) AS below_1, "
            + "SUM(CASE WHEN f.v < CAST('Infinity' AS DOUBLE PRECISION) THEN 1 ELSE 0 END) AS below_2, "
            + $"SUM(CASE WHEN f.v <= CAST('Infinity' AS DOUBLE PRECISION) THEN 1 ELSE 0 END) AS at_or_below_last FROM {Finite} AS f",
            sql);
    }

    [Fact]
    public void Order_statistics_ask_for_the_ranks_given()
    {
        Assert.EndsWith("WHERE o.k IN (0, 4, 5)", new DriftSql(SqlDialect.DuckDb).OrderStatistics(Table, "x", [0, 4, 5]), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DriftSql(SqlDialect.DuckDb).OrderStatistics(Table, "x", []));
    }

    [Fact]
    public void Too_few_edges_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DriftSql(SqlDialect.DuckDb).CumulativeCounts(Table, "x", [1.0]));
    }

    [Fact]
    public void The_ks_query_reads_both_sides_and_returns_integers_for_the_statistic()
    {
        var sql = new DriftSql(SqlDialect.DuckDb).KsAndWasserstein(Table, SqlSource.Parse("SELECT * FROM u"), "x");

        Assert.Contains("FROM \"t\" AS lockstep_source", sql, StringComparison.Ordinal);
        Assert.Contains("FROM (SELECT * FROM u) AS lockstep_source", sql, StringComparison.Ordinal);
        Assert.Contains("MAX(ABS(cumulative.cr * n.nc - cumulative.cc * n.nr)) AS ks_scaled", sql, StringComparison.Ordinal);
        Assert.Contains("CAST(SUM(pooled.at_r) OVER w AS BIGINT) AS cr", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Categories_are_counted_as_text()
    {
        Assert.Equal(
            "SELECT c.v, COUNT(*) AS n FROM (SELECT CAST(\"plan\" AS VARCHAR) AS v FROM \"t\" AS lockstep_source) AS c GROUP BY c.v",
            new DriftSql(SqlDialect.DuckDb).CategoryCounts(Table, "plan"));
    }
}
