using BackgroundBot.Knowledge;
using BackgroundBot.PostgreSql;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Tests.Storage;

/// <summary>The change feed across instances: what one store commits, another publishes by sequence number, once, in order.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlFeedTests(PostgreSqlCluster cluster) : IDisposable
{
    private readonly string _database = cluster.CreateDatabase();

    public void Dispose() => cluster.DropDatabase(_database);

    [Fact]
    public void Changes_committed_by_another_instance_are_caught_up_in_order_once()
    {
        using var writer = Open();
        using var follower = Open();
        var seen = new List<StoreChange>();
        using var subscription = follower.Subscribe(seen.Add);

        var fact = writer.Write(write => write.InsertFactWithPassage(NewFact("Caught up from the feed.")));
        writer.Write(write => write.UpdateFactWithPassage(fact with { Status = FactStatus.Retracted, RetractionReason = "test" }));
        var first = follower.CatchUp();
        var again = follower.CatchUp();

        Assert.Equal((2, 0), (first, again));
        Assert.Equal([writer.Sequence - 1, writer.Sequence], seen.Select(c => c.Sequence));
        Assert.Equal("Caught up from the feed.", Assert.Single(seen[0].PassagesAdded).Text);
        Assert.True(seen[0].FactsChanged);
        Assert.Equal([fact.PassageId!.Value], seen[1].PassagesRetired);
        Assert.Equal(writer.Sequence, follower.Sequence);
    }

    [Fact]
    public void A_local_write_after_a_missed_remote_one_publishes_both_in_order()
    {
        using var other = Open();
        using var local = Open();
        var seen = new List<long>();
        using var subscription = local.Subscribe(c => seen.Add(c.Sequence));

        other.Write(write => write.InsertFactWithPassage(NewFact("Written elsewhere.")));
        local.Write(write => write.InsertFactWithPassage(NewFact("Written here.")));

        Assert.Equal([1L, 2L], seen);
    }

    private PostgreSqlStore Open() =>
        new(Options.Create(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = _database }), NullLogger<PostgreSqlStore>.Instance);

    private static Fact NewFact(string statement) => new() { Statement = statement, Topic = "ceasefire", Date = "2020" };
}
