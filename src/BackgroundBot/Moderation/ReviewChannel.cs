using System.Globalization;
using System.Text;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Moderation;

/// <summary>
/// Posts each new suggestion or report to the moderators' review channel, with Approve, Edit and Reject. Each member may
/// send <see cref="SubmissionOptions.SubmissionsPerMember"/> in <see cref="SubmissionOptions.SubmissionWindow"/>, so one member
/// cannot flood the moderators.
/// </summary>
public sealed class ReviewChannel(
    ReviewQueue queue,
    DiscordRestClient rest,
    RequestLimiter limiter,
    ServerSettings servers,
    IOptions<SubmissionOptions> submissions)
{
    public const string ApproveButton = "review:approve:";
    public const string RejectButton = "review:reject:";
    public const string EditButton = "review:edit:";

    /// <summary>
    /// Queues a suggestion or report and posts it to the review channel of the home server that decides it (see
    /// <see cref="ServerSettings.ReviewChannelFor"/>), when there is one; the queue holds it either way.
    /// </summary>
    public async Task<CurationResult<Suggestion>> SubmitAsync(Suggestion suggestion, ulong? originGuildId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        var limits = submissions.Value;
        if (limiter.TryAcquire(limits.SubmissionWindow, ($"review:{suggestion.ProposerId}", limits.SubmissionsPerMember)) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            return CurationResult<Suggestion>.Refused(string.Create(CultureInfo.InvariantCulture,
                $"You have sent {limits.SubmissionsPerMember} suggestions or reports in the last {Describe(limits.SubmissionWindow)}, the most one member may; please try again in {minutes} minute{(minutes == 1 ? "" : "s")}. Nothing was queued."));
        }

        var result = queue.Submit(suggestion);
        if (result.Succeeded && servers.ReviewChannelFor(originGuildId) is { } channel)
        {
            await rest.CreateMessageAsync(channel, Message(result.Value!), cancellationToken);
        }

        return result;
    }

    private static string Describe(TimeSpan window) =>
        window.TotalMinutes >= 1 && window.TotalMinutes == Math.Floor(window.TotalMinutes)
            ? string.Create(CultureInfo.InvariantCulture, $"{window.TotalMinutes:0} minute{(window.TotalMinutes == 1 ? "" : "s")}")
            : string.Create(CultureInfo.InvariantCulture, $"{window.TotalSeconds:0} seconds");

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
