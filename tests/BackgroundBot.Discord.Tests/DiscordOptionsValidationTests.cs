using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests;

/// <summary>A bad setting stops start-up with a message naming the setting.</summary>
public sealed class DiscordOptionsValidationTests
{
    [Theory]
    [InlineData("Discord:Token", "", "Discord:Token")]
    [InlineData("Discord:Token", "Bot abc", "Discord:Token")]
    [InlineData("Discord:ApplicationId", "0", "Discord:ApplicationId")]
    [InlineData("Discord:ApiBaseUrl", "ftp://example.org", "Discord:ApiBaseUrl")]
    [InlineData("Discord:AutoDeferAfter", "00:00:05", "Discord:AutoDeferAfter")]
    [InlineData("Discord:Shards", "0", "Discord:Shards")]
    public async Task Bad_setting_stops_start_up_naming_the_setting(string key, string value, string named)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "token",
            ["Discord:ApplicationId"] = "1000",
            [key] = value,
        });
        builder.Services.AddDiscordRest(builder.Configuration);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_endpoint_requires_the_public_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "token", ["Discord:ApplicationId"] = "1000" });
        builder.Services.AddDiscordInteractionsEndpoint(builder.Configuration);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Discord:PublicKey", e.Message, StringComparison.Ordinal);
    }
}
