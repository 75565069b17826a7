using System.Net.Http.Headers;
using System.Text;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests.FakeDiscord;

/// <summary>The fake Discord keeps messages as Discord does, so that other tests can assert what members see.</summary>
public sealed class FakeDiscordStateTests : IAsyncLifetime
{
    private FakeDiscordServer _discord = null!;
    private DiscordRestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        _rest = new DiscordRestClient(Options.Create(TestOptions.For(_discord.ApiBaseUrl)), new SignalingTimeProvider(), NullLogger<DiscordRestClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task An_edit_changes_only_the_fields_it_names()
    {
        var first = new DiscordMessage { Content = "Looking that up…", Embeds = [new Embed { Title = "t", Description = "kept" }] };
        await _rest.CreateInteractionResponseAsync(1, "tok1", new JsonInteractionResponse(InteractionResponder.ChannelMessage, WireMapper.ToCallbackData(first, allowEphemeral: true)), CancellationToken.None);

        await _rest.EditOriginalAsync("tok1", new DiscordMessage { Components = [new ActionRow([new Button { Label = "Helpful", CustomId = "h" }])] }, CancellationToken.None);
        var untouched = _discord.Messages.OriginalOf("tok1")!;
        await _rest.EditOriginalAsync("tok1", DiscordMessage.Text(""), CancellationToken.None);
        var cleared = _discord.Messages.OriginalOf("tok1")!;

        Assert.Equal(("Looking that up…", "kept"), (untouched.Content, untouched.EmbedDescription));
        Assert.Equal(["Helpful"], untouched.ButtonLabels);
        Assert.Equal(("", "kept", 2), (cleared.Content, cleared.EmbedDescription, cleared.Edits));
    }

    [Fact]
    public async Task A_second_acknowledgement_is_refused_with_40060()
    {
        var defer = new JsonInteractionResponse(InteractionResponder.DeferredChannelMessage, null);
        await _rest.CreateInteractionResponseAsync(2, "tok2", defer, CancellationToken.None);

        using var http = new HttpClient();
        var again = await http.PostAsync(new Uri(_discord.ApiBaseUrl + "/interactions/2/tok2/callback"), new StringContent("{\"type\":5}", Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)again.StatusCode);
        Assert.Contains("40060", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(_discord.Messages.OriginalOf("tok2")!.Loading);
    }

    [Fact]
    public async Task A_multipart_message_is_stored_with_its_files()
    {
        using var http = new HttpClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("{\"content\":\"the export\",\"attachments\":[{\"id\":0,\"filename\":\"facts.json\"}]}", Encoding.UTF8, "application/json"), "payload_json" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"facts\":[]}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "files[0]", "facts.json");

        var response = await http.PostAsync(new Uri(_discord.ApiBaseUrl + "/webhooks/1000/tok3"), form);

        Assert.True(response.IsSuccessStatusCode);
        var message = Assert.Single(_discord.Messages.FollowUpsOf("tok3"));
        Assert.Equal("the export", message.Content);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("facts.json", "application/json", "{\"facts\":[]}"), (attachment.FileName, attachment.ContentType, attachment.Text));
        var recorded = Assert.Single(_discord.RequestsTo("POST", "/webhooks/1000/tok3"));
        Assert.StartsWith("{\"content\":\"the export\"", recorded.Body, StringComparison.Ordinal);
        Assert.Single(recorded.Files);
    }
}
