using BackgroundBot.Knowledge;
using BackgroundBot.PostgreSql;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Tests.Storage;

/// <summary>The store contract on the PostgreSQL provider: a database of its own on the shared throwaway cluster.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreContractTests(PostgreSqlCluster cluster) : StoreContract
{
    private string? _database;

    protected override StoreUnderTest Open()
    {
        _database ??= cluster.CreateDatabase();
        var store = new PostgreSqlStore(
            Options.Create(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = _database }),
            NullLogger<PostgreSqlStore>.Instance);
        return new StoreUnderTest(store, store, store, store, store, store, store, store, store);
    }

    protected override void Cleanup()
    {
        if (_database is not null)
        {
            cluster.DropDatabase(_database);
        }
    }
}
