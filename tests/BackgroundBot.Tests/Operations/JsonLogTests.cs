using System.Text.Json;
using System.Text.RegularExpressions;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Operations;

/// <summary>
/// <c>Logging__Console__FormatterName=json</c>: one JSON object a line, UTC timestamps, exceptions as a field, and the interaction's
/// id and reference on every line about it. Before, the setting was ignored and the logs were plain text without timestamps.
/// </summary>
public sealed partial class JsonLogTests : IAsyncLifetime
{
    private const string Question = "Who monitors the Lachin corridor?";
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
    public async Task A_failed_answer_is_logged_as_JSON_lines_with_the_exception_the_interaction_id_and_the_reference_the_member_saw()
    {
        // Discord refuses the answer's edit (400, not retried): the handler fails, and the member is told so with a reference.
        _discord.InjectFault("PATCH", "itoken-401/messages/@original", new RestFault(400), times: 10);
        await using var bot = await BotProcess.ServeAsync(_folder.Path, new Dictionary<string, string>
        {
            ["Discord__Token"] = "test-token.abc",
            ["Discord__ApplicationId"] = "1000",
            ["Discord__PublicKey"] = _signer.PublicKey,
            ["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
            ["Store__SeedPack"] = "false",
            ["Logging__Console__FormatterName"] = "json",
        }, Path.Combine(_folder.Path, "bot.db"));

        using var response = await _http.SendAsync(_signer.Post(bot.Endpoint, SignedInteractions.Ask(401, Question), DateTimeOffset.UtcNow));
        _discord.Messages.AnsweredOverHttp("401", "itoken-401", await response.Content.ReadAsStringAsync());
        try
        {
            await _discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith("/itoken-401", StringComparison.Ordinal) && r.Body.Contains("something went wrong", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            await bot.StopAsync();
            Assert.Fail(string.Join("\n", _discord.Requests.Select(r => $"{r.Method} {r.Path} {r.AnsweredWith} {r.Body}")) + "\n" + await bot.ErrorOutput);
        }

        Assert.Equal(0, await bot.StopAsync());
        var lines = (await bot.ErrorOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(events, e =>
        {
            Assert.EndsWith("Z", e.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
            Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(e.GetProperty("Timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Offset);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("Category").GetString()));
        });
        var told = _discord.RequestsTo("POST", "/itoken-401").Single(r => r.Body.Contains("something went wrong", StringComparison.Ordinal));
        var reference = Reference().Match(told.Body).Groups[1].Value;
        var failed = events.Single(e => e.GetProperty("EventId").GetInt32() == 400);
        Assert.Equal("Error", failed.GetProperty("LogLevel").GetString());
        Assert.Contains("DiscordRestException", failed.GetProperty("Exception").GetString(), StringComparison.Ordinal);
        Assert.Contains("\n", failed.GetProperty("Exception").GetString(), StringComparison.Ordinal);
        var aboutIt = events.Where(e => e.TryGetProperty("Scopes", out var scopes) && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("InteractionId", out var id) && id.GetString() == "401")).ToList();
        Assert.Contains(failed, aboutIt);
        Assert.True(aboutIt.Count >= 3, "the refused edits and the failure are all found by the interaction's id");
        Assert.All(aboutIt, e => Assert.Contains(e.GetProperty("Scopes").EnumerateArray(), s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("Reference", out var r) && r.GetString() == reference));
        // Members' questions stay out of the logs (privacy).
        Assert.DoesNotContain(lines, line => line.Contains("Lachin", StringComparison.Ordinal));
        Assert.Contains(events, e => e.GetProperty("EventId").GetInt32() == 1220);
    }

    [GeneratedRegex(@"reference (E[0-9]{6})")]
    private static partial Regex Reference();
}
