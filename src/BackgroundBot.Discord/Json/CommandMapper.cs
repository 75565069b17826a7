using System.Globalization;
using System.Text;
using System.Text.Json;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Discord.Json;

/// <summary>Turns command definitions into wire models, and reduces both sides to a canonical text so "unchanged" can be decided.</summary>
internal static class CommandMapper
{
    public static JsonApplicationCommand ToJson(ApplicationCommandDefinition d) => new()
    {
        Type = 1,
        Name = d.Name,
        Description = d.Description,
        Options = d.Options.Count == 0 ? null : d.Options.Select(ToJson).ToList(),
        DefaultMemberPermissions = d.DefaultMemberPermissions is { } p
            ? JsonSerializer.SerializeToElement((long)(ulong)p, DiscordJsonContext.Default.Int64)
            : null,
        Contexts = d.Contexts?.Select(c => (int)c).ToList(),
        Nsfw = d.Nsfw ? true : null,
    };

    private static JsonCommandOption ToJson(CommandOptionDefinition o) => new()
    {
        Type = (int)o.Type,
        Name = o.Name,
        Description = o.Description,
        Required = o.Required ? true : null,
        Autocomplete = o.Autocomplete ? true : null,
        Choices = o.Choices.Count == 0 ? null : o.Choices.Select(WireMapper.ToChoice).ToList(),
        Options = o.Options.Count == 0 ? null : o.Options.Select(ToJson).ToList(),
        MinValue = o.MinValue,
        MaxValue = o.MaxValue,
        MinLength = o.MinLength,
        MaxLength = o.MaxLength,
    };

    /// <summary>
    /// A canonical text of a command set: sorted by name, defaults filled in, fields Discord adds (ids, versions) left out,
    /// so the set read back from Discord equals the one we would send when nothing changed.
    /// </summary>
    public static string Canonical(IEnumerable<JsonApplicationCommand> commands, bool compareContexts)
    {
        var sb = new StringBuilder();
        foreach (var c in commands.Where(c => (c.Type ?? 1) == 1).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            sb.Append("cmd ").Append(c.Name).Append('|').Append(c.Description ?? "")
              .Append("|perm=").Append(Permissions(c.DefaultMemberPermissions))
              .Append("|nsfw=").Append(c.Nsfw ?? false);
            if (compareContexts)
            {
                sb.Append("|ctx=").Append(c.Contexts is null ? "default" : string.Join(',', c.Contexts.Order()));
            }

            sb.Append('\n');
            AppendOptions(sb, c.Options, 1);
        }

        return sb.ToString();
    }

    private static void AppendOptions(StringBuilder sb, IReadOnlyList<JsonCommandOption>? options, int depth)
    {
        foreach (var o in options ?? [])
        {
            sb.Append(' ', depth * 2).Append(o.Type).Append(' ').Append(o.Name).Append('|').Append(o.Description)
              .Append("|req=").Append(o.Required ?? false)
              .Append("|ac=").Append(o.Autocomplete ?? false)
              .Append("|min=").Append(o.MinValue?.ToString(CultureInfo.InvariantCulture))
              .Append("|max=").Append(o.MaxValue?.ToString(CultureInfo.InvariantCulture))
              .Append("|minl=").Append(o.MinLength)
              .Append("|maxl=").Append(o.MaxLength)
              .Append("|choices=").Append(string.Join(';', (o.Choices ?? []).Select(ch => ch.Name + "=" + ch.Value.GetRawText())))
              .Append('\n');
            AppendOptions(sb, o.Options, depth + 1);
        }
    }

    private static string Permissions(JsonElement? value) => value switch
    {
        null => "none",
        { ValueKind: JsonValueKind.Null } => "none",
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? "none",
        { } v => v.GetRawText(),
    };
}
