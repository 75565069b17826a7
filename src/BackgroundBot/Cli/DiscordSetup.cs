using BackgroundBot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Cli;

/// <summary>What <c>run</c> and <c>serve</c> share: the settings check with how to fix it, and the community features.</summary>
public static class DiscordSetup
{
    /// <summary>Which required Discord setting is missing, and how to get it; null when all are there.</summary>
    public static string? MissingSetting(IConfiguration configuration, bool needsPublicKey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section["Token"]))
        {
            return "Discord:Token is not set. Create an application at https://discord.com/developers/applications, open Bot and press "
                + "Reset Token, then keep the token out of files: `dotnet user-secrets set Discord:Token <token> --project src/BackgroundBot` "
                + "or the environment variable Discord__Token. See the README, \"Run it in your Discord server\".";
        }

        if (!ulong.TryParse(section["ApplicationId"], out var id) || id == 0)
        {
            return "Discord:ApplicationId is not set: copy the Application ID from the Developer Portal's General Information page "
                + "(environment variable Discord__ApplicationId).";
        }

        return needsPublicKey && string.IsNullOrWhiteSpace(section["PublicKey"])
            ? "Discord:PublicKey is not set: `serve` verifies every request with it. Copy the Public Key from the Developer Portal's "
                + "General Information page (environment variable Discord__PublicKey)."
            : null;
    }

    public static void AddCommunityBot(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Before the community module: /ask in a channel where a session runs joins its queue.
        builder.Services.AddSessionsInDiscord(builder.Configuration);
        builder.Services.AddCommunity(builder.Configuration);
        builder.Services.AddModerationInDiscord(builder.Configuration);
        builder.Services.AddTimelineInDiscord();
        builder.Services.AddQuizzesInDiscord();
        builder.Services.AddFaqInDiscord();
        builder.Services.AddSingleton<IHostedService>(StoreRegistration.BackupListener);
        builder.Services.AddHostedService<BackgroundBot.Retrieval.EmbeddingWarmUp>();
        builder.Services.AddOperations();

        // A long-running bot reports what it does; the one-shot verbs stay quiet unless something goes wrong.
        builder.Logging.AddFilter("BackgroundBot", LogLevel.Information);
    }
}
