namespace BackgroundBot.Tests.Infrastructure;

/// <summary>The test classes that share one throwaway PostgreSQL cluster (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "PostgreSQL";
}
