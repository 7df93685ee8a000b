using Lockstep.Core.Warehouse;

namespace Lockstep.Core.Tests.Warehouse;

public class SqlDialectTests
{
    [Theory]
    [InlineData(0.1, "CAST('0.1' AS DOUBLE PRECISION)")]
    [InlineData(30.499999999999996, "CAST('30.499999999999996' AS DOUBLE PRECISION)")]
    [InlineData(-1e-300, "CAST('-1E-300' AS DOUBLE PRECISION)")]
    [InlineData(double.PositiveInfinity, "CAST('Infinity' AS DOUBLE PRECISION)")]
    [InlineData(double.NegativeInfinity, "CAST('-Infinity' AS DOUBLE PRECISION)")]
    public void Doubles_are_written_as_round_trip_text(double value, string expected)
    {
        Assert.Equal(expected, SqlDialect.PostgreSql.DoubleLiteral(value));
        Assert.Equal(value, double.Parse(expected.Split('\'')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NaN_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SqlDialect.DuckDb.DoubleLiteral(double.NaN));
    }

    [Fact]
    public void Identifiers_and_text_are_quoted_with_their_quotes_doubled()
    {
        Assert.Equal("\"Age \"\"x\"\"\"", SqlDialect.Identifier("Age \"x\""));
        Assert.Equal("'it''s'", SqlDialect.TextLiteral("it's"));
    }

    [Fact]
    public void DuckDb_reads_finite_numbers_with_try_cast_and_PostgreSql_with_cast()
    {
        Assert.Equal("(CASE WHEN isfinite(TRY_CAST(\"x\" AS DOUBLE)) THEN TRY_CAST(\"x\" AS DOUBLE) END)", SqlDialect.DuckDb.AsDouble("\"x\""));
        Assert.Equal("CAST(\"x\" AS DOUBLE PRECISION)", SqlDialect.PostgreSql.AsDouble("\"x\""));
        Assert.Equal("CAST(\"c\" AS VARCHAR)", SqlDialect.DuckDb.AsText("\"c\""));
        Assert.Equal("CAST(\"c\" AS TEXT)", SqlDialect.PostgreSql.AsText("\"c\""));
    }
}
