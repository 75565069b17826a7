using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests.Rest;

/// <summary>The rate-limit bucket cache stays as small as the routes in use: no bucket per interaction token, idle ones forgotten.</summary>
public sealed class RateLimitCacheTests : RestOnFakeDiscord
{
    [Fact]
    public async Task Answering_a_thousand_interactions_keeps_one_bucket_per_route_template_not_per_token()
    {
        for (var i = 0; i < 1000; i += 50)
        {
            await Task.WhenAll(Enumerable.Range(i, 50).Select(async n =>
            {
                var token = $"token-{n}";
                await Client.CreateInteractionResponseAsync((ulong)(5000 + n), token, new JsonInteractionResponse(5, null), CancellationToken.None);
                await Client.EditOriginalAsync(token, DiscordMessage.Text("answer"), CancellationToken.None);
                await Client.CreateFollowupAsync(token, DiscordMessage.Text("more"), CancellationToken.None);
            }));
        }

        Assert.Equal(3000, Server.Requests.Count);
        Assert.InRange(Client.RateLimitBucketCount, 1, 3);
    }

    [Fact]
    public async Task Interactions_sharing_a_template_bucket_do_not_wait_for_each_other()
    {
        var release = new TaskCompletionSource();
        Server.InjectFault("PATCH", "/webhooks/1000/slow-token/", RestFault.Delay(release));

        var slow = Client.EditOriginalAsync("slow-token", DiscordMessage.Text("slow"), CancellationToken.None);
        await Server.WaitForRequestsAsync("PATCH", "/webhooks/1000/slow-token/");
        // Another member's answer goes out while the first is still in flight: each token has its own limits at Discord.
        await Client.EditOriginalAsync("quick-token", DiscordMessage.Text("quick"), CancellationToken.None).WaitAsync(TestTimeouts.Signal);

        Assert.False(slow.IsCompleted);
        release.SetResult();
        await slow.WaitAsync(TestTimeouts.Signal);
    }

    [Fact]
    public async Task Channel_buckets_idle_for_five_minutes_are_forgotten()
    {
        // 40 channels: within the global 50 a second, so the fake clock need not move between them.
        await Task.WhenAll(Enumerable.Range(1, 40).Select(c => Client.CreateMessageAsync((ulong)c, DiscordMessage.Text("hello"), CancellationToken.None)));

        Assert.Equal(40, Client.RateLimitBucketCount);

        Time.Advance(RateLimitManager.IdleAfter + TimeSpan.FromMinutes(1));
        await Client.CreateMessageAsync(999, DiscordMessage.Text("later"), CancellationToken.None);

        Assert.Equal(1, Client.RateLimitBucketCount);
    }

    [Fact]
    public async Task A_bucket_discord_asked_to_wait_on_is_kept_until_its_reset_however_long_it_is_idle()
    {
        Server.SetRouteHeaders("POST", "/channels/7/messages", new()
        {
            ["X-RateLimit-Limit"] = "1",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "600",
        });
        await Client.CreateMessageAsync(7, DiscordMessage.Text("first"), CancellationToken.None);

        Time.Advance(RateLimitManager.IdleAfter + TimeSpan.FromMinutes(1));
        await Client.CreateMessageAsync(8, DiscordMessage.Text("sweeps"), CancellationToken.None);
        var second = Client.CreateMessageAsync(7, DiscordMessage.Text("second"), CancellationToken.None);

        // Still held for the 4 minutes left of Discord's 10-minute reset, not sent on a fresh bucket.
        var wait = await Time.WaitForTimerAsync(d => d > TimeSpan.FromMinutes(3));
        Assert.Equal(TimeSpan.FromMinutes(4), wait);
        Assert.Single(Server.RequestsTo("POST", "/channels/7/messages"));
        Time.Advance(wait);
        await second.WaitAsync(TestTimeouts.Signal);
        Assert.Equal(2, Server.RequestsTo("POST", "/channels/7/messages").Count);
    }
}
