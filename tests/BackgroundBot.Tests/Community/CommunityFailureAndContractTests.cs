using System.Text.Json.Nodes;
using BackgroundBot.Answering;
using BackgroundBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Tests.Community;

public sealed class CommunityFailureTests
{
    [Fact]
    public async Task A_failure_after_the_placeholder_replaces_it_and_the_member_is_told_privately_with_a_reference_in_the_logs()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotOnFakeDiscord.StartAsync(services: s =>
        {
            s.AddSingleton<IAnswerer, BrokenAnswerer>();
            s.AddSingleton<ILoggerProvider>(logs);
        });

        // The placeholder, its replacement, and the private apology.
        var requests = await bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question("Who monitors the Lachin corridor?")), requests: 3);

        var token = requests[0].Path.Split('/')[3];
        var original = bot.Discord.Messages.OriginalOf(token)!;
        Assert.Equal("⚠️ This answer could not be finished. Please try /ask again.", original.Content);
        var apology = Assert.Single(bot.Discord.Messages.FollowUpsOf(token));
        Assert.True(apology.Ephemeral);
        var reference = System.Text.RegularExpressions.Regex.Match(apology.Content, @"reference (E\d{6})").Groups[1].Value;
        Assert.StartsWith("Sorry, something went wrong on my side (reference E", apology.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("index was out of range", apology.Content, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(logs.Messages, m => m.Contains(reference, StringComparison.Ordinal) && m.Contains("failed", StringComparison.Ordinal));
    }

    internal static JsonArray Question(string question) => new(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question });

    private sealed class BrokenAnswerer : IAnswerer
    {
        public AnswerMode Mode => AnswerMode.Extractive;

        public Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken) => throw new IndexOutOfRangeException("index was out of range");

        public IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, CancellationToken cancellationToken) => throw new IndexOutOfRangeException("index was out of range");
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}

/// <summary>Every body the community features send validates against Discord's OpenAPI spec (needs ../shared; CI runs it).</summary>
[Trait("Category", "Contract")]
public sealed class CommunityContractTests
{
    [Fact]
    public async Task Every_payload_of_a_community_session_is_valid_for_discord()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        var ask = await bot.InteractAsync(id => InteractionJson.Command(id, "ask", CommunityFailureTests.Question("Who monitors the Lachin corridor?")));
        var answerId = JsonNode.Parse(ask[1].Body)!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>().Split(':')[^1];
        await bot.InteractAsync(id => InteractionJson.Command(id, "ask", CommunityFailureTests.Question(new string('x', 600))), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Button(id, $"answer:sources:{answerId}"), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Button(id, $"answer:helpful:{answerId}"), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Button(id, $"answer:report:{answerId}"), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Autocomplete(id, "ceasefire"), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Command(id, "about", []), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Command(id, "source", new JsonArray(new JsonObject { ["name"] = "id", ["type"] = 4, ["value"] = 1 })), requests: 1);

        var bodies = bot.Discord.Requests.Where(r => r.Body.Length > 0 && r.Method is "POST" or "PATCH" or "PUT").ToList();
        var problems = bodies.SelectMany(r => DiscordOpenApiSpec.Instance.Validate(r.Method, r.Path, r.Body).Select(p => $"{r.Method} {r.Path}: {p}")).ToList();

        Assert.True(bodies.Count >= 10, $"Only {bodies.Count} bodies were sent.");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
