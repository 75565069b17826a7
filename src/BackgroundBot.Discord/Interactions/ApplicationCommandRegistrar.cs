using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Registers the commands of every <see cref="IApplicationCommandSource"/> with one bulk overwrite
/// (<see href="https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands"/>),
/// globally or in <see cref="DiscordOptions.GuildId"/>, and only when the set differs from what Discord returns.
/// </summary>
internal sealed class ApplicationCommandRegistrar(
    IEnumerable<IApplicationCommandSource> sources,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<ApplicationCommandRegistrar> logger)
{
    /// <summary>True when a bulk overwrite was sent.</summary>
    public async Task<bool> RegisterAsync(CancellationToken cancellationToken)
    {
        var definitions = sources.SelectMany(s => s.Commands).ToList();
        if (definitions.Count == 0 && !sources.Any())
        {
            return false;
        }

        var wanted = definitions.Select(CommandMapper.ToJson).ToList();
        var guild = options.Value.GuildId;
        var existing = await rest.GetCommandsAsync(guild, cancellationToken) ?? [];
        // Discord fills in contexts when none were given, so they are only compared when we set them.
        var compareContexts = definitions.Any(d => d.Contexts is not null);
        if (CommandMapper.Canonical(existing, compareContexts) == CommandMapper.Canonical(wanted, compareContexts))
        {
            InteractionsLog.CommandsUnchanged(logger, wanted.Count);
            return false;
        }

        await rest.BulkOverwriteCommandsAsync(wanted, guild, cancellationToken);
        InteractionsLog.CommandsRegistered(logger, wanted.Count, guild is { } g ? $"guild {g}" : "global");
        return true;
    }
}
