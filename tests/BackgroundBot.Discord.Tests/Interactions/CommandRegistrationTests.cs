using BackgroundBot.Discord.Tests.Support;

namespace BackgroundBot.Discord.Tests.Interactions;

public sealed class CommandRegistrationTests : IAsyncLifetime
{
    private GatewayHarness _h = null!;

    public async Task InitializeAsync() => _h = await GatewayHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Cold_start_registers_commands_once_and_a_restart_with_the_same_set_does_not_register_again()
    {
        _h.Commands = StaticCommands.Default();
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("GET", "/applications/1000/commands"));
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("PUT", "/applications/1000/commands"));
        await _h.StopAsync();

        Assert.Single(_h.Discord.RequestsTo("PUT", "/applications/1000/commands"));
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
        Assert.Equal(["ask", "facts"], _h.Discord.CommandsOf("global").Select(c => (string?)c!["name"]));

        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("GET", "/applications/1000/commands", 2));
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));
        await _h.StopAsync();

        Assert.Single(_h.Discord.RequestsTo("PUT", "/applications/1000/commands"));
    }

    [Fact]
    public async Task Changed_command_set_is_registered_in_the_configured_guild()
    {
        _h.Settings["Discord:GuildId"] = "555";
        _h.Commands = StaticCommands.Default();
        _h.Discord.SeedCommands("555", [new System.Text.Json.Nodes.JsonObject { ["id"] = "1", ["type"] = 1, ["name"] = "old", ["description"] = "gone" }]);
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("PUT", "/applications/1000/guilds/555/commands"));

        Assert.Equal(["ask", "facts"], _h.Discord.CommandsOf("555").Select(c => (string?)c!["name"]));
        Assert.Empty(_h.Discord.RequestsTo("PUT", "/applications/1000/commands"));
    }
}
