using System.Globalization;
using System.Text;
using BackgroundBot.Community;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Moderation;

/// <summary>Posts each new suggestion or report to the moderators' review channel, with Approve, Edit and Reject.</summary>
public sealed class ReviewChannel(ReviewQueue queue, DiscordRestClient rest, IOptions<ModerationOptions> options)
{
    public const string ApproveButton = "review:approve:";
    public const string RejectButton = "review:reject:";
    public const string EditButton = "review:edit:";

    /// <summary>
    /// Queues a suggestion or report and posts it when a review channel is configured; the queue holds it either way.
    /// </summary>
    public async Task<CurationResult<Suggestion>> SubmitAsync(Suggestion suggestion, CancellationToken cancellationToken)
    {
        var result = queue.Submit(suggestion);
        if (result.Succeeded && options.Value.ReviewChannelId is { } channel)
        {
            await rest.CreateMessageAsync(channel, Message(result.Value!), cancellationToken);
        }

        return result;
    }

    public static DiscordMessage Message(Suggestion suggestion)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Suggestion #{suggestion.Id}** ({suggestion.Kind}) from member {suggestion.ProposerId}\n");
        text.Append(DiscordLimits.Trim(suggestion.Text, 1500));
        if (suggestion.SourceUrl is not null)
        {
            text.Append("\nSource: ").Append(suggestion.SourceUrl);
        }

        return new DiscordMessage
        {
            Content = text.ToString(),
            Components =
            [
                new ActionRow(
                [
                    new Button { Label = "Approve", CustomId = string.Create(CultureInfo.InvariantCulture, $"{ApproveButton}{suggestion.Id}"), Style = ButtonStyle.Success },
                    new Button { Label = "Edit", CustomId = string.Create(CultureInfo.InvariantCulture, $"{EditButton}{suggestion.Id}"), Style = ButtonStyle.Primary },
                    new Button { Label = "Reject", CustomId = string.Create(CultureInfo.InvariantCulture, $"{RejectButton}{suggestion.Id}"), Style = ButtonStyle.Danger },
                ]),
            ],
        };
    }
}
