using BackgroundBot.Discord.Tests.Support;

namespace BackgroundBot.Discord.Tests.Gateway;

public sealed class GatewayShardingTests : IAsyncLifetime
{
    private GatewayHarness _h = null!;

    public async Task InitializeAsync() => _h = await GatewayHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(2, null)]
    [InlineData(1, "2")]
    public async Task Shards_from_discovery_or_configuration_identify_one_per_five_seconds_under_max_concurrency_1(int recommended, string? configured)
    {
        _h.Discord.RecommendedShards = recommended;
        _h.Settings["Discord:Shards"] = configured;
        await _h.StartAsync();

        await _h.Discord.Gateway.WaitForFramesAsync(2, 1);
        var spacing = await _h.Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), spacing);
        Assert.Equal(1, _h.Discord.Gateway.Identifies);

        _h.Time.Advance(spacing);
        await _h.Discord.Gateway.WaitForFramesAsync(2, 2);

        var shards = _h.Discord.Gateway.FramesWithOp(2).Select(f => string.Join(',', f.D!["shard"]!.AsArray().Select(n => (int)n!))).Order();
        Assert.Equal(["0,2", "1,2"], shards);
    }
}
