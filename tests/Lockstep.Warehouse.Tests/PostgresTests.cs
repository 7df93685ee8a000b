namespace Lockstep.Warehouse.Tests;

/// <summary>The test classes that share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
