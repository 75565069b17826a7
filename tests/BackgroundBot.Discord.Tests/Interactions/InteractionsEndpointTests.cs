using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace BackgroundBot.Discord.Tests.Interactions;

public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private readonly SignalingTimeProvider _time = new();
    private readonly RecordingHandler _handler = new();
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private FakeDiscordServer _discord = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = TestOptions.Token,
            ["Discord:ApplicationId"] = "1000",
            ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IInteractionHandler>(_handler);
        builder.Services.AddDiscordInteractionsEndpoint(builder.Configuration);
        _app = builder.Build();
        _app.MapDiscordInteractions();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _key.Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, Key? signWith = null, DateTimeOffset? at = null, string? sendBody = null)
    {
        var timestamp = (at ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(signWith ?? _key, Encoding.UTF8.GetBytes(timestamp + body));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions")
        {
            Content = new StringContent(sendBody ?? body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await _http.SendAsync(request);
    }

    private static async Task<JsonNode> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Ping_is_answered_with_pong_without_reaching_the_handler()
    {
        using var response = await PostAsync(InteractionJson.Ping().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await BodyAsync(response))["type"]!);
        Assert.Empty(_handler.Handled);
    }

    [Fact]
    public async Task Correctly_signed_command_reaches_the_handler_and_its_answer_is_the_response_body()
    {
        using var response = await PostAsync(InteractionJson.Command(123, question: "why?").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal(4, (int)body["type"]!);
        Assert.Equal("answer to 123", (string?)body["data"]!["content"]);
        Assert.Empty(body["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        var handled = Assert.Single(_handler.Handled);
        Assert.Equal("ask", handled.CommandName);
        Assert.Equal("why?", handled.GetOption("question")!.AsString());
        Assert.Equal(700ul, handled.User.Id);
        Assert.Empty(_discord.Requests);
    }

    [Fact]
    public async Task Tampered_body_is_rejected_with_401()
    {
        var body = InteractionJson.Command(1).ToJsonString();
        using var response = await PostAsync(body, sendBody: body.Replace("what is a fact?", "drop all facts", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Handled);
    }

    [Fact]
    public async Task Signature_by_another_key_is_rejected_with_401()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        using var response = await PostAsync(InteractionJson.Command(1).ToJsonString(), signWith: other);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Handled);
    }

    [Fact]
    public async Task Stale_timestamp_is_rejected_with_401_even_when_correctly_signed()
    {
        using var response = await PostAsync(InteractionJson.Command(1).ToJsonString(), at: _time.GetUtcNow() - TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Handled);
    }

    [Fact]
    public async Task Missing_signature_headers_are_rejected_with_401()
    {
        using var response = await _http.PostAsync("/interactions", new StringContent(InteractionJson.Ping().ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Slow_handler_is_deferred_in_time_and_its_answer_edits_the_original()
    {
        var proceed = new TaskCompletionSource();
        _handler.Behaviour = async (c, ct) =>
        {
            await proceed.Task;
            await c.Responder.RespondAsync(DiscordMessage.Text("late answer"), ct);
        };

        var post = PostAsync(InteractionJson.Command(55).ToJsonString());
        await _time.AdvanceWhenWaitingAsync(d => d == TimeSpan.FromSeconds(2.5));
        using var response = await post;
        Assert.Equal(5, (int)(await BodyAsync(response))["type"]!);

        proceed.SetResult();
        await _discord.WaitForRequestsAsync("PATCH", "/messages/@original");
        var edit = Assert.Single(_discord.RequestsTo("PATCH", "/webhooks/1000/itoken-55/messages/@original"));
        Assert.Equal("late answer", (string?)JsonNode.Parse(edit.Body)!["content"]);
    }

    [Fact]
    public async Task Handler_deferring_after_the_automatic_deferral_is_not_an_error()
    {
        var proceed = new TaskCompletionSource();
        var done = new TaskCompletionSource();
        _handler.Behaviour = async (c, ct) =>
        {
            await proceed.Task;
            await c.Responder.DeferAsync(ephemeral: false, ct);
            await c.Responder.RespondAsync(DiscordMessage.Text("after all"), ct);
            done.SetResult();
        };

        var post = PostAsync(InteractionJson.Command(56).ToJsonString());
        await _time.AdvanceWhenWaitingAsync(d => d == TimeSpan.FromSeconds(2.5));
        using var response = await post;
        proceed.SetResult();
        await done.Task.WaitAsync(TestTimeouts.Signal);

        Assert.Equal(5, (int)(await BodyAsync(response))["type"]!);
        Assert.Equal("after all", (string?)JsonNode.Parse(Assert.Single(_discord.RequestsTo("PATCH", "/webhooks/1000/itoken-56/messages/@original")).Body)!["content"]);
    }

    [Fact]
    public async Task Failing_handler_shows_the_user_a_reference_instead_of_failing_silently()
    {
        _handler.Behaviour = (_, _) => throw new InvalidOperationException("boom");

        using var response = await PostAsync(InteractionJson.Command(8).ToJsonString());

        var data = (await BodyAsync(response))["data"]!;
        Assert.Matches("^Something went wrong \\(reference E[0-9]{6}\\)\\.$", (string?)data["content"]);
        Assert.Equal(64, (int)data["flags"]!);
    }

    [Fact]
    public async Task Failing_autocomplete_handler_is_answered_with_no_suggestions_which_discord_accepts()
    {
        _handler.Behaviour = (_, _) => throw new InvalidOperationException("boom");

        using var response = await PostAsync(InteractionJson.Autocomplete(9, "wha").ToJsonString());

        var body = await BodyAsync(response);
        Assert.Equal(8, (int)body["type"]!);
        Assert.Empty(body["data"]!["choices"]!.AsArray());
        var handled = Assert.Single(_handler.Handled);
        Assert.Equal("wha", handled.FocusedOption!.AsString());
    }

    [Fact]
    public async Task A_replayed_signed_request_is_refused_and_the_interaction_is_acted_on_once()
    {
        var body = InteractionJson.Command(321).ToJsonString();
        var at = _time.GetUtcNow();

        using var first = await PostAsync(body, at: at);
        using var replay = await PostAsync(body, at: at);

        Assert.Equal("answer to 321", (string?)(await BodyAsync(first))["data"]!["content"]);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Single(_handler.Handled);
    }

    [Fact]
    public async Task Health_check_answers()
    {
        using var response = await _http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
