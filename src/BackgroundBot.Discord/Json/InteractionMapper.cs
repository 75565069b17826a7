using System.Globalization;
using System.Text.Json;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Discord.Json;

/// <summary>Turns Discord's interaction object into the typed <see cref="Interaction"/> the bot sees.</summary>
internal static class InteractionMapper
{
    public static Interaction ToInteraction(JsonInteraction json)
    {
        var data = json.Data;
        var user = json.Member?.User ?? json.User;
        string? group = null, sub = null;
        var options = data?.Options ?? [];

        // Subcommands nest their options one or two levels down; the bot wants the leaves plus the path.
        if (options.Count == 1 && options[0].Type == (int)ApplicationCommandOptionType.SubcommandGroup)
        {
            group = options[0].Name;
            options = options[0].Options ?? [];
        }

        if (options.Count == 1 && options[0].Type == (int)ApplicationCommandOptionType.Subcommand)
        {
            sub = options[0].Name;
            options = options[0].Options ?? [];
        }

        return new Interaction
        {
            Id = ParseSnowflake(json.Id),
            ApplicationId = ParseSnowflake(json.ApplicationId),
            Type = (InteractionType)json.Type,
            CommandName = data?.Name,
            SubcommandGroup = group,
            Subcommand = sub,
            Options = options.Select(ToOption).ToList(),
            CustomId = data?.CustomId,
            ComponentType = data?.ComponentType,
            Values = data?.Values ?? [],
            ModalValues = CollectModalValues(data?.Components),
            User = user is null ? new InteractionUser(0, "", null) : new InteractionUser(ParseSnowflake(user.Id), user.Username, user.GlobalName),
            MemberRoles = json.Member?.Roles?.Select(ParseSnowflake).ToList() ?? [],
            MemberPermissions = (DiscordPermissions)ParseOptional(json.Member?.Permissions).GetValueOrDefault(),
            AppPermissions = (DiscordPermissions)ParseOptional(json.AppPermissions).GetValueOrDefault(),
            GuildId = ParseOptional(json.GuildId),
            ChannelId = ParseOptional(json.ChannelId),
            Locale = json.Locale,
            GuildLocale = json.GuildLocale,
            MessageId = ParseOptional(json.Message?.Id),
            TargetId = ParseOptional(data?.TargetId),
            Attachments = data?.Resolved?.Attachments?.Values
                .Where(a => Uri.IsWellFormedUriString(a.Url, UriKind.Absolute))
                .Select(a => new InteractionAttachment(ParseSnowflake(a.Id), a.Filename, a.Size, new Uri(a.Url), a.ContentType))
                .ToDictionary(a => a.Id) ?? [],
        };
    }

    private static InteractionOption ToOption(JsonInteractionOption o)
    {
        var type = (ApplicationCommandOptionType)o.Type;
        return new InteractionOption(o.Name, type, ToValue(type, o.Value), o.Focused ?? false)
        {
            Options = o.Options?.Select(ToOption).ToList() ?? [],
        };
    }

    private static object? ToValue(ApplicationCommandOptionType type, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        return (type, v.ValueKind) switch
        {
            (ApplicationCommandOptionType.Integer, JsonValueKind.Number) when v.TryGetInt64(out var l) => l,
            (ApplicationCommandOptionType.Number or ApplicationCommandOptionType.Integer, JsonValueKind.Number) => v.GetDouble(),
            (ApplicationCommandOptionType.Boolean, JsonValueKind.True or JsonValueKind.False) => v.GetBoolean(),
            (ApplicationCommandOptionType.User or ApplicationCommandOptionType.Channel or ApplicationCommandOptionType.Role
                or ApplicationCommandOptionType.Mentionable or ApplicationCommandOptionType.Attachment, JsonValueKind.String)
                when ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
            // Autocomplete sends the partial text of any option as a string.
            (_, JsonValueKind.String) => v.GetString(),
            _ => v.GetRawText(),
        };
    }

    private static Dictionary<string, string> CollectModalValues(IReadOnlyList<JsonComponent>? components)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(IReadOnlyList<JsonComponent>? list)
        {
            foreach (var c in list ?? [])
            {
                if (c.CustomId is not null && (c.Value is not null || c.Values is not null))
                {
                    values[c.CustomId] = c.Value ?? string.Join(',', c.Values!);
                }

                Walk(c.Components);
                if (c.Component is not null)
                {
                    Walk([c.Component]);
                }
            }
        }

        Walk(components);
        return values;
    }

    public static ulong ParseSnowflake(string id) => ulong.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static ulong? ParseOptional(string? id) =>
        id is not null && ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
