using System.Text;
using System.Text.Json.Nodes;
using BackgroundBot.Cli;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Moderation;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

/// <summary>Uploaded article previews (up to 1 MiB each, kept in the store) expire after 15 minutes and do not outlive a restart.</summary>
public sealed class PendingImportExpiryTests : IAsyncDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private BotOnFakeDiscord? _bot;

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_preview_confirmed_within_15_minutes_is_imported()
    {
        _bot = await BotOnFakeDiscord.StartAsync();
        var confirmId = await PreviewAsync();

        _bot.Time.Advance(Lifetime - TimeSpan.FromMinutes(1));
        var confirmed = await _bot.InteractAsync(id => Moderator(InteractionJson.Button(id, confirmId)), requests: 1);

        Assert.Contains("imported as article 2", Content(confirmed[0]), StringComparison.Ordinal);
        Assert.Equal(2, Store.ListArticles().Count);
    }

    [Fact]
    public async Task A_preview_confirmed_after_15_minutes_says_it_expired_stores_nothing_and_is_discarded()
    {
        _bot = await BotOnFakeDiscord.StartAsync();
        var confirmId = await PreviewAsync();
        await _bot.Time.WaitForTimerAsync(d => d == TimeSpan.FromMinutes(1));
        Assert.Equal(1, Store.PendingImports.Count());

        _bot.Time.Advance(Lifetime + TimeSpan.FromMinutes(1));
        // The sweeper waits again once it has swept: by then the expired upload is gone from the store, unconfirmed.
        await _bot.Time.WaitForTimerAsync(d => d == TimeSpan.FromMinutes(1));
        var pendingAfterSweep = Store.PendingImports.Count();
        var confirmed = await _bot.InteractAsync(id => Moderator(InteractionJson.Button(id, confirmId)), requests: 1);

        Assert.Equal(0, pendingAfterSweep);
        Assert.Contains("expired (previews are kept for 15 minutes)", Content(confirmed[0]), StringComparison.Ordinal);
        Assert.Contains("run /article import again", Content(confirmed[0]), StringComparison.Ordinal);
        Assert.Single(Store.ListArticles());
    }

    [Fact]
    public async Task Confirming_an_expired_preview_the_sweep_has_not_reached_yet_says_it_expired()
    {
        _bot = await BotOnFakeDiscord.StartAsync(prepareStore: b =>
        {
            b.Settings["Moderation:PendingImportLifetime"] = "00:20:00";
            return Task.CompletedTask;
        });
        var confirmId = await PreviewAsync();
        // Expired at exactly 20 minutes; the sweep discards only what is older, so Confirm still finds it in the store.
        _bot.Time.Advance(TimeSpan.FromMinutes(20));

        var confirmed = await _bot.InteractAsync(id => Moderator(InteractionJson.Button(id, confirmId)), requests: 1);

        Assert.StartsWith("This preview expired (previews are kept for 20 minutes). Nothing was stored", Content(confirmed[0]), StringComparison.Ordinal);
        Assert.Single(Store.ListArticles());
    }

    [Fact]
    public async Task Previews_left_by_an_earlier_run_are_discarded_at_start_and_fresh_ones_kept()
    {
        _bot = await BotOnFakeDiscord.StartAsync(prepareStore: async b =>
        {
            using var host = await BotHost.StartAsync(b.Db, builder => builder.Configuration.AddInMemoryCollection(b.Settings), CancellationToken.None);
            var store = host.Services.GetRequiredService<LiteDbStore>();
            store.Write(write =>
            {
                write.PutPendingImport(Pending("old", TestStore.Start - TimeSpan.FromHours(2)));
                write.PutPendingImport(Pending("stale", TestStore.Start - Lifetime - TimeSpan.FromSeconds(1)));
                write.PutPendingImport(Pending("fresh", TestStore.Start - TimeSpan.FromMinutes(5)));
                return 0;
            });
            await host.StopAsync();
        });

        Assert.Equal(["fresh"], Store.PendingImports.FindAll().Select(p => p.Id));
    }

    private LiteDbStore Store => _bot!.BotServices.GetRequiredService<LiteDbStore>();

    private static PendingImport Pending(string id, DateTimeOffset createdAt) => new()
    {
        Id = id,
        FileName = "talks.txt",
        Content = new byte[512 * 1024],
        Actor = "discord:700",
        CreatedAt = createdAt,
    };

    /// <summary>Uploads the corridor article with /article import; returns the preview's Confirm button id.</summary>
    private async Task<string> PreviewAsync()
    {
        var bytes = Encoding.UTF8.GetBytes(Articles.CorridorText);
        var url = _bot!.Discord.ServeAttachment("talks.txt", bytes);
        var preview = await _bot.InteractAsync(
            id =>
            {
                var json = Moderator(InteractionJson.Command(id, "article", new JsonArray(new JsonObject
                {
                    ["name"] = "import",
                    ["type"] = 1,
                    ["options"] = new JsonArray(new JsonObject { ["name"] = "file", ["type"] = 11, ["value"] = "5555" }),
                })));
                json["data"]!["resolved"] = new JsonObject
                {
                    ["attachments"] = new JsonObject
                    {
                        ["5555"] = new JsonObject
                        {
                            ["id"] = "5555",
                            ["filename"] = "talks.txt",
                            ["size"] = bytes.Length,
                            ["url"] = url.AbsoluteUri,
                            ["proxy_url"] = url.AbsoluteUri,
                            ["content_type"] = "text/plain",
                        },
                    },
                };
                return json;
            },
            requests: 2);
        var body = JsonNode.Parse(preview[^1].Body)!;
        Assert.Contains("The preview expires in", body["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        return body["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
    }

    private static JsonObject Moderator(JsonObject interaction)
    {
        interaction["member"]!["permissions"] = "32";
        return interaction;
    }

    private static string Content(BackgroundBot.Testing.FakeDiscord.RecordedRequest request) =>
        JsonNode.Parse(request.Body)!["data"]!["content"]!.GetValue<string>();
}
