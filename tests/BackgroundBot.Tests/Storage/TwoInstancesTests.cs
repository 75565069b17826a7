using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Tests.Operations;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BackgroundBot.Tests.Storage;

/// <summary>
/// Scale-out as an operator runs it: two real <c>serve</c> instances on loopback, one PostgreSQL store, one Discord.
/// Whichever instance receives an interaction, it sees what the other wrote.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TwoInstancesTests(PostgreSqlCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const string ManageServer = "32";
    private readonly SignedInteractions _signer = new();
    private readonly HttpClient _http = new();
    private string _database = null!;
    private FakeDiscordServer _discord = null!;
    private ServeInstance _a = null!;
    private ServeInstance _b = null!;
    private ulong _ids = 9000;

    public async Task InitializeAsync()
    {
        _database = cluster.CreateDatabase();
        _discord = await FakeDiscordServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token.abc",
            ["Discord:ApplicationId"] = "1000",
            ["Discord:PublicKey"] = _signer.PublicKey,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
            ["Store:Provider"] = "PostgreSql",
            ["Store:ConnectionString"] = _database,
            ["Store:SeedPack"] = "false",
            ["Moderation:HomeGuildIds:0"] = InteractionJson.HomeGuild,
            ["Community:QuestionsPerUserPerMinute"] = "3",
        };

        // The first instance seeds the new store; the second finds it seeded.
        _a = await ServeInstance.StartAsync(settings);
        _b = await ServeInstance.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _discord.DisposeAsync();
        _http.Dispose();
        _signer.Dispose();
        cluster.DropDatabase(_database);
    }

    [Fact]
    public async Task An_answer_given_by_one_instance_takes_its_Helpful_vote_on_the_other()
    {
        var answerId = await AskAsync(_a, "Who monitors the Lachin corridor?", userId: "701");

        var vote = await PostAsync(_b, InteractionJson.Button(NextId(), $"{AnswerMessage.HelpfulButton}{answerId}", userId: "702"));

        Assert.Contains("Thanks: noted as helpful", Content(vote), StringComparison.Ordinal);
        var stored = Assert.Single(_a.Services.GetRequiredService<ICommunityStore>().FeedbackFor(answerId));
        Assert.Equal(("702", true), (stored.UserId, stored.Helpful));
    }

    [Fact]
    public async Task A_fact_added_through_one_instance_is_cited_by_the_other_within_a_second()
    {
        const string Statement = "Since May 2024 Armenian border guards have guarded the Tavush border villages.";
        var followed = FactSeenBy(_b, Statement);

        var clock = Stopwatch.StartNew();
        var added = await PostAsync(_a, WithPermissions(InteractionJson.ModalSubmit(NextId(), "facts:add", FactForm(Statement)), ManageServer));
        await followed.WaitAsync(TestTimeouts.Signal);
        var lag = clock.Elapsed;
        output.WriteLine($"B followed A's fact {lag.TotalMilliseconds:F1} ms after A was asked to add it");

        Assert.StartsWith("Added fact", Content(added), StringComparison.Ordinal);
        Assert.True(lag < TimeSpan.FromSeconds(1), $"B followed A's fact after {lag.TotalMilliseconds:F0} ms");
        var answer = await AskTextAsync(_b, "Who guards the Tavush border villages?", userId: "703");
        Assert.Contains("Armenian border guards", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_per_minute_limit_counts_questions_to_both_instances()
    {
        await AskAsync(_a, "Who monitors the Lachin corridor?", userId: "704");
        await AskAsync(_b, "Who monitors the Lachin corridor?", userId: "704");
        await AskAsync(_a, "Who monitors the Lachin corridor?", userId: "704");

        var fourth = await PostAsync(_b, SignedInteractions.Ask(NextId(), "Who monitors the Lachin corridor?", userId: "704"));
        var other = await AskAsync(_b, "Who monitors the Lachin corridor?", userId: "705");

        Assert.Contains("That's a lot of questions at once: please try again in", Content(fourth), StringComparison.Ordinal);
        Assert.True(other > 0);
    }

    [Fact]
    public async Task Connections_killed_mid_run_are_recovered_from_with_nothing_lost()
    {
        var answerId = await AskAsync(_a, "Who monitors the Lachin corridor?", userId: "706");

        var killed = cluster.TerminateConnections(_database);
        var vote = await PostAsync(_b, InteractionJson.Button(NextId(), $"{AnswerMessage.HelpfulButton}{answerId}", userId: "707"));
        const string Statement = "In 2024 the border commission of Armenia and Azerbaijan met in Tavush.";
        var followed = FactSeenBy(_b, Statement);
        var added = await PostAsync(_a, WithPermissions(InteractionJson.ModalSubmit(NextId(), "facts:add", FactForm(Statement)), ManageServer));
        await followed.WaitAsync(TestTimeouts.Signal);
        var after = await AskAsync(_b, "Who monitors the Lachin corridor?", userId: "708");

        Assert.True(killed >= 4, $"killed {killed} connections (each instance holds a listener and pooled connections)");
        Assert.Contains("Thanks: noted as helpful", Content(vote), StringComparison.Ordinal);
        Assert.StartsWith("Added fact", Content(added), StringComparison.Ordinal);
        var community = _b.Services.GetRequiredService<ICommunityStore>();
        Assert.Equal("707", Assert.Single(community.FeedbackFor(answerId)).UserId);
        Assert.NotNull(community.FindAnswer(after));
        Assert.Contains(_a.Services.GetRequiredService<IKnowledgeStore>().ListFacts(), f => f.Statement == Statement);
    }

    [Fact]
    public async Task Each_instance_reports_the_shared_store_ready_and_how_far_it_followed_its_feed()
    {
        await PostAsync(_a, WithPermissions(InteractionJson.ModalSubmit(NextId(), "facts:add", FactForm("In 2024 the two sides agreed on border markers in Tavush.")), ManageServer));

        using var ready = await _http.GetAsync(new Uri(_b.Endpoint, "/readyz"));
        var body = await ready.Content.ReadAsStringAsync();

        Assert.True(ready.IsSuccessStatusCode, body);
        Assert.Contains("store: postgresql://127.0.0.1:", body, StringComparison.Ordinal);
        Assert.Matches(@"store: postgresql://127\.0\.0\.1:\d+/test_\w+ reachable, change \d+ of \d+ followed", body);
        Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Completes when <paramref name="instance"/>'s change feed publishes a passage holding <paramref name="statement"/>: its index has it then.</summary>
    private static Task FactSeenBy(ServeInstance instance, string statement)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = instance.Services.GetRequiredService<IStoreChanges>().Subscribe(change =>
        {
            if (change.PassagesAdded.Any(p => p.Text == statement))
            {
                seen.TrySetResult();
            }
        });
        return seen.Task.ContinueWith(_ => subscription.Dispose(), TaskScheduler.Default);
    }

    private async Task<int> AskAsync(ServeInstance instance, string question, string userId)
    {
        var (id, _) = await AskCoreAsync(instance, question, userId);
        var components = _discord.Messages.OriginalOf($"itoken-{id}")!.Components;
        var customId = components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        return int.Parse(customId[AnswerMessage.SourcesButton.Length..], CultureInfo.InvariantCulture);
    }

    private async Task<string> AskTextAsync(ServeInstance instance, string question, string userId)
    {
        var (id, _) = await AskCoreAsync(instance, question, userId);
        var shown = _discord.Messages.OriginalOf($"itoken-{id}")!;
        return shown.Content + shown.EmbedDescription;
    }

    private async Task<(ulong Id, string Placeholder)> AskCoreAsync(ServeInstance instance, string question, string userId)
    {
        var id = NextId();
        var placeholder = await PostAsync(instance, SignedInteractions.Ask(id, question, userId));
        _discord.Messages.AnsweredOverHttp(id.ToString(CultureInfo.InvariantCulture), $"itoken-{id}", placeholder);
        await _discord.WaitForRequestsAsync("PATCH", $"/webhooks/1000/itoken-{id}/messages/@original").WaitAsync(TestTimeouts.Signal);
        return (id, placeholder);
    }

    private async Task<string> PostAsync(ServeInstance instance, JsonObject interaction)
    {
        using var response = await _http.SendAsync(_signer.Post(instance.Endpoint, interaction, DateTimeOffset.UtcNow));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private ulong NextId() => Interlocked.Increment(ref _ids);

    private static string Content(string response) => JsonNode.Parse(response)!["data"]!["content"]!.GetValue<string>();

    private static JsonObject WithPermissions(JsonObject interaction, string permissions)
    {
        interaction["member"]!["permissions"] = permissions;
        return interaction;
    }

    private static Dictionary<string, string> FactForm(string statement) => new()
    {
        ["statement"] = statement,
        ["date"] = "2024-05",
        ["topic"] = "territory",
        ["source"] = "https://example.org/tavush",
    };
}
