using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests.Contract;

/// <summary>
/// Every REST body the bot sends validates against Discord's OpenAPI spec, read from <c>../shared/discord/openapi.json</c>.
/// Category=Contract: run by .ci/run (which has ../shared); a fresh clone's plain test command filters them out.
/// </summary>
[Trait("Category", "Contract")]
public sealed class RestBodyContractTests : IAsyncLifetime
{
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    private static readonly DiscordMessage RichMessage = new()
    {
        Content = "**Answer** with a citation [1] and a mention <@123> that must not ping",
        Embeds =
        [
            new Embed
            {
                Title = "Sources",
                Description = "1. The article",
                Url = new Uri("https://example.org/article"),
                Color = 0x5865F2,
                Fields = [new EmbedField("Passage", "quoted text", true)],
                Footer = "BackgroundBot",
            },
        ],
        Components =
        [
            new ActionRow([
                new Button { Label = "Helpful", CustomId = "feedback:up", Style = ButtonStyle.Success },
                new Button { Label = "Wrong", CustomId = "feedback:down", Style = ButtonStyle.Danger, Disabled = true },
                Button.Link("Source", new Uri("https://example.org/source")),
            ]),
            new ActionRow([
                new SelectMenu
                {
                    CustomId = "pick",
                    Placeholder = "Choose",
                    MinValues = 1,
                    MaxValues = 1,
                    Options = [new SelectMenuOption("One", "1", "the first", Default: true), new SelectMenuOption("Two", "2")],
                },
            ]),
        ],
    };

    [Fact]
    public async Task Every_body_the_bot_sends_validates_against_discords_openapi_spec()
    {
        var spec = DiscordOpenApiSpec.Instance;
        var time = TimeProvider.System;
        using var rest = new DiscordRestClient(Options.Create(TestOptions.For(_discord.ApiBaseUrl)), time, NullLogger<DiscordRestClient>.Instance);
        var ct = CancellationToken.None;

        // Commands, global and per guild.
        var commands = StaticCommands.Default().Commands.Select(CommandMapper.ToJson).ToList();
        await rest.BulkOverwriteCommandsAsync(commands, null, ct);
        await rest.BulkOverwriteCommandsAsync(commands, 555, ct);

        // A channel message; one with a file, replying to it; an edit of it.
        var first = await rest.CreateMessageAsync(77, RichMessage, ct);
        var withFile = await rest.CreateMessageAsync(77, RichMessage with { ReplyTo = first, Files = [new MessageFile("transcript.md", "# T"u8.ToArray(), "text/markdown")] }, ct);
        await rest.EditMessageAsync(77, withFile, DiscordMessage.Text("edited"), ct);

        // Every kind of interaction answer, through the responder the handlers use.
        var n = 0ul;
        InteractionResponder Responder(InteractionType type = InteractionType.ApplicationCommand)
        {
            var id = ++n;
            var interaction = new Interaction { Id = id, ApplicationId = TestOptions.ApplicationId, Type = type, User = new InteractionUser(1, "u", null) };
            return new InteractionResponder(interaction, "tok" + id, rest, (r, c) => rest.CreateInteractionResponseAsync(id, "tok" + id, r, c));
        }

        await Responder().RespondAsync(RichMessage with { Ephemeral = true }, ct);
        await Responder().RespondAsync(RichMessage with { Ephemeral = true, Files = [new MessageFile("transcript.md", "# T"u8.ToArray(), "text/markdown")] }, ct);
        var deferred = Responder();
        await deferred.DeferAsync(ephemeral: true, ct);
        await deferred.RespondAsync(RichMessage, ct);
        await deferred.FollowUpAsync(RichMessage with { Ephemeral = true }, ct);
        await deferred.EditOriginalAsync(DiscordMessage.Text("edited"), ct);
        await deferred.DeleteOriginalAsync(ct);
        await Responder(InteractionType.MessageComponent).DeferUpdateAsync(ct);
        await Responder(InteractionType.MessageComponent).UpdateMessageAsync(RichMessage, ct);
        await Responder().ShowModalAsync(new Modal("ask-modal", "Ask", [
            new TextInput { CustomId = "q", Label = "Question", Style = TextInputStyle.Paragraph, Placeholder = "…", MinLength = 1, MaxLength = 300 },
            new TextInput { CustomId = "c", Label = "Context", Required = false, Value = "pre-filled" },
        ]), ct);
        await Responder(InteractionType.Autocomplete).AutocompleteAsync([new CommandChoice("Mars", "mars"), new CommandChoice("Venus", "venus")], ct);
        await Responder(InteractionType.Autocomplete).AutocompleteAsync([new CommandChoice("Two", 2), new CommandChoice("Three", 3L)], ct);
        await Responder(InteractionType.Autocomplete).AutocompleteAsync([new CommandChoice("Half", 0.5)], ct);
        await Responder().TryAutoDeferAsync(ct);
        await Responder(InteractionType.MessageComponent).TryAutoDeferAsync(ct);

        var sent = _discord.Requests.Where(r => r.Body.Length > 0).ToList();
        var failures = sent
            .Select(r => (r, errors: spec.Validate(r.Method, r.Path, r.Body)))
            .Where(x => x.errors.Count > 0)
            .Select(x => $"{x.r.Method} {spec.TemplateOf(x.r.Path)}\n  body: {x.r.Body}\n  " + string.Join("\n  ", x.errors.Take(10)))
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // Every kind of body was really exercised.
        var templates = sent.Select(r => r.Method + " " + spec.TemplateOf(r.Path)).ToHashSet();
        Assert.Contains("PUT /applications/{application_id}/commands", templates);
        Assert.Contains("PUT /applications/{application_id}/guilds/{guild_id}/commands", templates);
        Assert.Contains("POST /channels/{channel_id}/messages", templates);
        Assert.Contains("PATCH /channels/{channel_id}/messages/{message_id}", templates);
        Assert.Contains("POST /interactions/{interaction_id}/{interaction_token}/callback", templates);
        Assert.Contains("POST /webhooks/{webhook_id}/{webhook_token}", templates);
        Assert.Contains("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", templates);
        Assert.Equal(11, _discord.RequestsTo("POST", "/callback").Count);
    }

    [Fact]
    public async Task Bodies_sent_during_a_gateway_session_validate_against_discords_openapi_spec()
    {
        var spec = DiscordOpenApiSpec.Instance;
        await using var h = await GatewayHarness.CreateAsync();
        h.Commands = StaticCommands.Default();
        h.Handler.Behaviour = async (c, ct) =>
        {
            if (c.Interaction.Id % 2 == 0)
            {
                await c.Responder.DeferAsync(ephemeral: true, ct);
            }

            await c.Responder.RespondAsync(RichMessage, ct);
            await c.Responder.FollowUpAsync(DiscordMessage.Text("more"), ct);
        };
        await h.StartAsync();
        await h.PumpUntilAsync(h.Discord.Gateway.WaitForLiveAsync(1));
        foreach (var id in new ulong[] { 1, 2, 3, 4 })
        {
            await h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(id));
        }

        await h.PumpUntilAsync(h.Discord.WaitForRequestsAsync("POST", "/webhooks/", 4));
        await h.PumpUntilAsync(h.Discord.WaitForRequestsAsync("PUT", "/commands", 1));
        await h.StopAsync();

        var sent = h.Discord.Requests.Where(r => r.Body.Length > 0).ToList();
        Assert.True(sent.Count >= 11);
        var failures = sent.SelectMany(r => spec.Validate(r.Method, r.Path, r.Body).Select(e => $"{r.Method} {r.Path}: {e}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_contract_check_has_teeth_a_body_breaking_the_spec_is_reported()
    {
        var errors = DiscordOpenApiSpec.Instance.Validate("POST", "/channels/1/messages", """{"content":"x","allowed_mentions":{"parse":["nobody"]}}""");

        Assert.NotEmpty(errors);
    }
}
