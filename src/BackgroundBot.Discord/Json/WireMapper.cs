using System.Globalization;
using System.Text.Json;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Discord.Json;

/// <summary>Turns the typed records the bot uses into wire models.</summary>
internal static class WireMapper
{
    // MESSAGE_FLAGS.EPHEMERAL (https://discord.com/developers/docs/resources/message#message-object-message-flags).
    public const int EphemeralFlag = 1 << 6;

    public static JsonMessageBody ToBody(DiscordMessage message, bool allowEphemeral) => new()
    {
        Content = message.Content,
        Embeds = message.Embeds.Count == 0 ? null : message.Embeds.Select(ToEmbed).ToList(),
        Components = ToComponents(message.Components),
        AllowedMentions = ToAllowedMentions(message.AllowedMentions),
        Flags = allowEphemeral && message.Ephemeral ? EphemeralFlag : null,
        Attachments = message.Files.Count == 0 ? null : message.Files.Select((f, i) => new JsonAttachmentRef(i.ToString(System.Globalization.CultureInfo.InvariantCulture), f.FileName)).ToList(),
    };

    public static JsonInteractionCallbackData ToCallbackData(DiscordMessage message, bool allowEphemeral)
    {
        var body = ToBody(message, allowEphemeral);
        return new JsonInteractionCallbackData
        {
            Content = body.Content,
            Embeds = body.Embeds,
            Components = body.Components,
            AllowedMentions = body.AllowedMentions,
            Flags = body.Flags,
        };
    }

    public static JsonInteractionCallbackData ToModalData(Modal modal) => new()
    {
        CustomId = modal.CustomId,
        Title = modal.Title,
        // Each text input sits in its own action row (https://discord.com/developers/docs/components/reference#text-input).
        Components = modal.Inputs.Select(i => new JsonComponent
        {
            Type = 1,
            Components =
            [
                new JsonComponent
                {
                    Type = 4,
                    CustomId = i.CustomId,
                    Label = i.Label,
                    Style = (int)i.Style,
                    Required = i.Required,
                    Placeholder = i.Placeholder,
                    Value = i.Value,
                    MinLength = i.MinLength,
                    MaxLength = i.MaxLength,
                },
            ],
        }).ToList(),
    };

    public static JsonAllowedMentions ToAllowedMentions(AllowedMentions mentions) => new(
        mentions.Parse,
        mentions.Users.Count == 0 ? null : mentions.Users.Select(Snowflake).ToList(),
        mentions.Roles.Count == 0 ? null : mentions.Roles.Select(Snowflake).ToList(),
        mentions.RepliedUser ? true : null);

    public static JsonChoice ToChoice(CommandChoice choice) => new(choice.Name, choice.Value switch
    {
        string s => JsonSerializer.SerializeToElement(s, DiscordJsonContext.Default.String),
        int i => JsonSerializer.SerializeToElement((long)i, DiscordJsonContext.Default.Int64),
        long l => JsonSerializer.SerializeToElement(l, DiscordJsonContext.Default.Int64),
        double d => JsonSerializer.SerializeToElement(d, DiscordJsonContext.Default.Double),
        _ => throw new ArgumentException($"Choice '{choice.Name}' has a value of type {choice.Value.GetType().Name}; use string, int, long or double.", nameof(choice)),
    });

    public static string Snowflake(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonEmbed ToEmbed(Embed e) => new()
    {
        Title = e.Title,
        Description = e.Description,
        Url = e.Url?.AbsoluteUri,
        Color = e.Color,
        Fields = e.Fields.Count == 0 ? null : e.Fields.Select(f => new JsonEmbedField(f.Name, f.Value, f.Inline ? true : null)).ToList(),
        Footer = e.Footer is null ? null : new JsonEmbedFooter(e.Footer),
    };

    private static List<JsonComponent>? ToComponents(IReadOnlyList<ActionRow> rows) =>
        rows.Count == 0 ? null : rows.Select(r => new JsonComponent { Type = 1, Components = r.Components.Select(ToComponent).ToList() }).ToList();

    private static JsonComponent ToComponent(MessageComponent component) => component switch
    {
        Button b => new JsonComponent
        {
            Type = 2,
            Style = (int)b.Style,
            Label = b.Label,
            CustomId = b.Style == ButtonStyle.Link ? null : b.CustomId,
            Url = b.Style == ButtonStyle.Link ? b.Url?.AbsoluteUri : null,
            Disabled = b.Disabled ? true : null,
        },
        SelectMenu s => new JsonComponent
        {
            Type = 3,
            CustomId = s.CustomId,
            Placeholder = s.Placeholder,
            MinValues = s.MinValues,
            MaxValues = s.MaxValues,
            Disabled = s.Disabled ? true : null,
            Options = s.Options.Select(o => new JsonSelectOption(o.Label, o.Value, o.Description, o.Default ? true : null)).ToList(),
        },
        _ => throw new ArgumentException($"Unsupported component {component.GetType().Name}.", nameof(component)),
    };
}
