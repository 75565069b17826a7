using System.Globalization;
using System.Text;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests.Rest;

/// <summary>
/// Messages with files (a session's transcript) arrive as attachments members can open, sent as Discord documents uploads:
/// multipart/form-data with the JSON in <c>payload_json</c> and each file in <c>files[n]</c>; replies and edits of channel messages.
/// </summary>
public sealed class FileUploadTests : RestOnFakeDiscord
{
    private static MessageFile Transcript(string text) => new("transcript.md", Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8");

    [Fact]
    public async Task A_channel_message_with_a_file_arrives_with_the_file_attached_and_pings_nobody()
    {
        var id = await Client.CreateMessageAsync(5, new DiscordMessage { Content = "Session ended <@123>", Files = [Transcript("# Session\n\nÜber 2 questions")] }, CancellationToken.None);

        var posted = Assert.Single(Server.Messages.In("5"));
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), posted.Id);
        Assert.Equal("Session ended <@123>", posted.Content);
        var file = Assert.Single(posted.Attachments);
        Assert.Equal(("transcript.md", "# Session\n\nÜber 2 questions"), (file.FileName, file.Text));
        Assert.StartsWith("text/markdown", file.ContentType, StringComparison.Ordinal);
        Assert.Equal("[]", posted.AllowedMentions!["parse"]!.ToJsonString());
        var request = Assert.Single(Server.RequestsTo("POST", "/channels/5/messages"));
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"transcript.md\"}]", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_names_the_message_it_answers_and_does_not_ping_its_author()
    {
        var question = await Client.CreateMessageAsync(5, DiscordMessage.Text("When was the ceasefire?"), CancellationToken.None);

        await Client.CreateMessageAsync(5, DiscordMessage.Text("In 1994.") with { ReplyTo = question }, CancellationToken.None);

        var reply = Server.Messages.In("5")[1];
        Assert.Equal(question.ToString(CultureInfo.InvariantCulture), reply.ReplyTo);
        Assert.Null(reply.AllowedMentions!["replied_user"]);
    }

    [Fact]
    public async Task An_edit_of_a_channel_message_changes_what_members_see()
    {
        var id = await Client.CreateMessageAsync(5, DiscordMessage.Text("Votes: 1"), CancellationToken.None);

        await Client.EditMessageAsync(5, id, DiscordMessage.Text("Votes: 2"), CancellationToken.None);

        Assert.Equal("Votes: 2", Assert.Single(Server.Messages.In("5")).Content);
    }

    [Fact]
    public async Task A_private_first_answer_with_a_file_is_deferred_then_delivered_with_the_file()
    {
        var interaction = new Interaction { Id = 7, ApplicationId = TestOptions.ApplicationId, Type = InteractionType.ApplicationCommand, User = new InteractionUser(1, "u", null) };
        var responder = new InteractionResponder(interaction, "tok7", Client, (r, c) => Client.CreateInteractionResponseAsync(7, "tok7", r, c));

        await responder.RespondAsync(new DiscordMessage { Content = "The transcript so far", Files = [Transcript("# Live")], Ephemeral = true }, CancellationToken.None);

        var original = Server.Messages.OriginalOf("tok7")!;
        Assert.True(original.Ephemeral);
        Assert.False(original.Loading);
        Assert.Equal("The transcript so far", original.Content);
        Assert.Equal("# Live", Assert.Single(original.Attachments).Text);
        Assert.Empty(Server.Messages.FollowUpsOf("tok7"));
    }
}
