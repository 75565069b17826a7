using System.Net;

namespace BackgroundBot.Tests.Operations;

/// <summary>
/// <c>/readyz</c> says whether the bot can serve (store writable, index built, Discord reachable) and why not; <c>/healthz</c> only
/// that the process answers. Before, <c>/healthz</c> answered Healthy while every call to Discord failed.
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private ServeInProcess _serve = null!;

    public async Task InitializeAsync() => _serve = await ServeInProcess.StartAsync();

    public async Task DisposeAsync() => await _serve.DisposeAsync();

    [Fact]
    public async Task Readyz_turns_unready_saying_why_when_Discord_stops_answering_and_ready_again_when_it_recovers()
    {
        var (before, beforeBody) = await GetAsync("/readyz");

        _serve.Discord.Unreachable = true;
        _serve.Time.Advance(TimeSpan.FromMinutes(2));
        var (down, downBody) = await GetAsync("/readyz");
        var (alive, _) = await GetAsync("/healthz");

        _serve.Discord.Unreachable = false;
        _serve.Time.Advance(TimeSpan.FromSeconds(10));
        var (after, afterBody) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.StartsWith("Healthy\n", beforeBody, StringComparison.Ordinal);
        Assert.Contains("index: Healthy: index: built, ", beforeBody, StringComparison.Ordinal);
        Assert.Contains("store: Healthy: store: ", beforeBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.StartsWith("Unhealthy\n", downBody, StringComparison.Ordinal);
        Assert.True(downBody.Contains("discord: Unhealthy: Discord: could not reach Discord: the connection was reset before Discord answered (GET /gateway/bot, 0 s ago)", StringComparison.Ordinal), downBody);
        Assert.Equal(HttpStatusCode.OK, alive);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Contains("discord: Healthy: Discord: GET /gateway/bot succeeded 0 s ago", afterBody, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _serve.Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
