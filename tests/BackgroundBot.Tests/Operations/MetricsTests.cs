using System.Globalization;
using System.Text.RegularExpressions;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Operations;

/// <summary>
/// <c>/metrics</c> in Prometheus' text format, scraped from a real <c>serve</c> process (meters are process-wide, so a process of
/// its own holds only this test's counts). Before, there were no metrics.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly SignedInteractions _signer = new();
    private readonly HttpClient _http = new();
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
        _signer.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task After_an_answer_and_a_decline_metrics_count_them_by_mode_grounded_and_reason_with_latency_and_Discord_traffic()
    {
        await using var bot = await BotProcess.ServeAsync(_folder.Path, new Dictionary<string, string>
        {
            ["Discord__Token"] = "test-token.abc",
            ["Discord__ApplicationId"] = "1000",
            ["Discord__PublicKey"] = _signer.PublicKey,
            ["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
            ["Store__SeedPack"] = "false",
        }, Path.Combine(_folder.Path, "bot.db"));
        await AskAsync(bot, 301, "Who monitors the Lachin corridor?");
        await AskAsync(bot, 302, "Which side is to blame for the war?");

        var metrics = await _http.GetStringAsync(new Uri(bot.Endpoint, "/metrics"));

        Assert.Equal(1, Sample(metrics, "backgroundbot_answers_total", ("mode", "extractive"), ("grounded", "true")));
        Assert.Equal(1, Sample(metrics, "backgroundbot_answers_total", ("mode", "extractive"), ("grounded", "false")));
        Assert.Equal(1, Sample(metrics, "backgroundbot_declines_total", ("reason", "takes-sides")));
        Assert.Equal(1, Sample(metrics, "backgroundbot_answer_duration_seconds_count", ("mode", "extractive"), ("grounded", "true")));
        Assert.Equal(1, Sample(metrics, "backgroundbot_answer_duration_seconds_bucket", ("mode", "extractive"), ("grounded", "true"), ("le", "+Inf")));
        Assert.Equal(2, Sample(metrics, "backgroundbot_discord_interactions_received_total", ("transport", "http"), ("type", "ApplicationCommand")));
        Assert.Equal(0, Sample(metrics, "backgroundbot_discord_interactions_queued"));
        Assert.Equal(2, Sample(metrics, "backgroundbot_discord_rest_requests_total", ("method", "PATCH"), ("route", "/webhooks/{application_id}/{interaction_token}/messages/@original"), ("status", "200")));
        Assert.True(Sample(metrics, "backgroundbot_discord_rest_requests_total", ("method", "PUT"), ("status", "200")) >= 1, "command registration at start");
        Assert.Equal(0, Sample(metrics, "backgroundbot_discord_rest_invalid_requests"));
        Assert.True(Sample(metrics, "backgroundbot_store_write_duration_seconds_count") >= 2, "each answer is stored");
        Assert.Contains("service_version=\"1.0.0", metrics, StringComparison.Ordinal);
        Assert.True(Sample(metrics, "backgroundbot_cache_entries", ("cache", "member_rate_windows")) >= 1);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", metrics, StringComparison.Ordinal);
    }

    /// <summary>Asks over the HTTP endpoint and waits until the answer replaced the placeholder (its embed is in).</summary>
    private async Task AskAsync(BotProcess bot, ulong id, string question)
    {
        using var response = await _http.SendAsync(_signer.Post(bot.Endpoint, SignedInteractions.Ask(id, question), DateTimeOffset.UtcNow));
        response.EnsureSuccessStatusCode();
        var token = $"itoken-{id.ToString(CultureInfo.InvariantCulture)}";
        _discord.Messages.AnsweredOverHttp(id.ToString(CultureInfo.InvariantCulture), token, await response.Content.ReadAsStringAsync());
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH" && r.Path.Contains(token, StringComparison.Ordinal) && r.Body.Contains("\"embeds\":[{", StringComparison.Ordinal));
    }

    /// <summary>The value of the one sample of <paramref name="name"/> carrying all of <paramref name="labels"/> (others may be there too).</summary>
    private static double Sample(string metrics, string name, params (string Name, string Value)[] labels)
    {
        var matches = metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(l => line.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(matches.Count == 1, $"expected one sample of {name} with {string.Join(", ", labels)}; found {matches.Count} in:\n{metrics}");
        return double.Parse(Regex.Match(matches[0], @" (\S+)( \d+)?$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
