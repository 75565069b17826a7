using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Tests.Storage;

/// <summary>The store contract on the LiteDB provider: a real store file in a temp folder.</summary>
public sealed class LiteDbStoreContractTests : StoreContract
{
    private readonly TempFolder _folder = TempFolder.Create();

    protected override StoreUnderTest Open()
    {
        var store = new LiteDbStore(
            Options.Create(new StoreOptions { Path = Path.Combine(_folder.Path, "store.db") }),
            NullLogger<LiteDbStore>.Instance,
            TimeProvider.System);
        return new StoreUnderTest(store, store, store, store, store, store, store, store, store);
    }

    protected override void Cleanup() => _folder.Dispose();
}
