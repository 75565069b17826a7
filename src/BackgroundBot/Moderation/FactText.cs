using System.Globalization;
using System.Text;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>A fact as moderators see it, in the CLI and in Discord.</summary>
public static class FactText
{
    public static string Describe(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fact {fact.Id} (version {fact.Version}, {fact.Status.ToString().ToLowerInvariant()}){(fact.Key is null ? "" : " key " + fact.Key)}");
        text.AppendLine(fact.Statement);
        text.AppendLine(CultureInfo.InvariantCulture, $"date: {fact.Date}{(fact.DateEnd is null ? "" : " to " + fact.DateEnd)}   topic: {fact.Topic}{(fact.ClaimedBy is null ? "" : "   claimed by: " + fact.ClaimedBy)}");
        if (fact.Source is { } source)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"source: {source.Title}{(source.Published is null ? "" : $" ({source.Published})")}{(source.Url is null ? "" : " — " + source.Url)}");
        }

        if (fact.Status == FactStatus.Retracted)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"retracted: {fact.RetractionReason}");
        }

        return text.ToString().TrimEnd();
    }
}
