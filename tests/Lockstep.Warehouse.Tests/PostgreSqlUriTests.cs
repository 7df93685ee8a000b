namespace Lockstep.Warehouse.Tests;

public class PostgreSqlUriTests
{
    [Fact]
    public void A_libpq_uri_becomes_an_npgsql_connection_string()
    {
        var builder = PostgreSqlUri.Parse("postgresql://mon%40itor:p%3Ass@db.internal:6432/serving%20db?sslmode=require&application_name=lockstep");

        Assert.Equal(("db.internal", 6432, "serving db"), (builder.Host, builder.Port, builder.Database));
        Assert.Equal(("mon@itor", "p:ss"), (builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("lockstep", builder.ApplicationName);
    }

    [Fact]
    public void The_port_defaults_to_5432()
    {
        Assert.Equal(5432, PostgreSqlUri.Parse("postgres://localhost/db").Port);
    }

    [Fact]
    public void Other_schemes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PostgreSqlUri.Parse("mysql://localhost/db"));
    }
}
