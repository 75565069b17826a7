using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;
using static BackgroundBot.Tests.Sessions.SessionHarness;

namespace BackgroundBot.Tests.Sessions;

/// <summary>The <c>/session</c> command and every message a session sends validate against Discord's OpenAPI spec (needs ../shared; CI runs it).</summary>
[Trait("Category", "Contract")]
public sealed class SessionsContractTests
{
    [Fact]
    public async Task Every_payload_of_a_live_session_is_valid_for_discord()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PUT", "/applications/1000/commands"));
        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires"), ("approval", true)), ManageChannels);
        await bot.AskAsync("701", "Who monitors the Lachin corridor?");
        var panel = await bot.SessionAsync(Educator, Sub("queue"), ManageChannels);
        var approved = await bot.PressAsync(Educator, Controls(panel)["Approve"], permissions: ManageChannels);
        await bot.VoteAsync("702", 1);
        await bot.PressAsync(Educator, Controls(approved[^1])["Answer next"], permissions: ManageChannels);
        await bot.SessionAsync("702", Sub("transcript"), requests: 2);
        await bot.SessionAsync(Educator, Sub("end"), ManageChannels, requests: 2);

        var bodies = bot.Discord.Requests.Where(r => r.Body.Length > 0 && r.Method is "POST" or "PUT" or "PATCH").ToList();
        var problems = bodies.SelectMany(r => DiscordOpenApiSpec.Instance.Validate(r.Method, r.Path, r.Body).Select(p => $"{r.Method} {r.Path}: {p}")).ToList();

        Assert.Contains(bodies, r => r.Method == "PUT" && r.Body.Contains("\"session\"", StringComparison.Ordinal));
        Assert.Contains(bodies, r => r.Method == "PATCH" && r.Path.Contains("/channels/", StringComparison.Ordinal));
        Assert.Contains(bodies, r => r.Files.Count > 0 && r.Path.Contains("/channels/", StringComparison.Ordinal));
        Assert.Contains(bodies, r => r.Files.Count > 0 && r.Path.Contains("/webhooks/", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
