using BackgroundBot.Answering;
using BackgroundBot.Moderation;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>Curation of the fact store (facts, articles, aliases, undo) and the log of unanswered questions.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddSingleton<FactCuration>();
        services.AddSingleton<AliasCuration>();
        services.AddSingleton<AuditUndo>();
        services.AddSingleton<FactSearch>();
        services.AddSingleton<GapLog>();
        services.AddSingleton<GapReport>();
        services.AddSingleton<ReviewQueue>();

        // Every question declined as not covered is logged for moderators, whichever answerer the host chose.
        var answerer = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerer) && d.ImplementationFactory is not null)
            ?? throw new InvalidOperationException("AddModeration wraps the answerer; call AddAnswering first.");
        var inner = answerer.ImplementationFactory!;
        services.Remove(answerer);
        services.AddSingleton<IAnswerer>(sp => new GapRecordingAnswerer((IAnswerer)inner(sp), sp.GetRequiredService<GapLog>()));
        return services;
    }

    /// <summary>Curation from Discord: the moderators' commands, article uploads and the review channel.</summary>
    public static IServiceCollection AddModerationInDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddInteractionModule<ModerationInteractionHandler>();
        services.AddInteractionModule<ArticleInteractionHandler>();
        services.AddInteractionModule<SettingsInteractionHandler>();
        services.AddHttpClient("attachments");
        services.AddOptions<SubmissionOptions>()
            .Bind(configuration.GetSection(SubmissionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddModerationOptions(configuration);
        services.AddSingleton<ReviewChannel>();
        return services;
    }

    /// <summary>Who curates from Discord: the <c>Moderation</c> section, with the home server defaulting to <c>Discord:GuildId</c>.</summary>
    public static IServiceCollection AddModerationOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ModerationOptions>()
            .Bind(configuration.GetSection(ModerationOptions.Section))
            .PostConfigure(options =>
            {
                // The server the commands are registered in is the natural home; read as text so a bad value is
                // reported by the Discord options' own validation, not here.
                if (options.HomeGuildIds.Count == 0
                    && ulong.TryParse(configuration["Discord:GuildId"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var guild)
                    && guild != 0)
                {
                    options.HomeGuildIds = [guild];
                }
            })
            .ValidateDataAnnotations()
            .Validate(options => !options.HomeGuildIds.Contains(0UL), "Moderation:HomeGuildIds holds 0, which is no server id; use the server's id (Developer Mode, right-click the server, Copy Server ID).")
            .ValidateOnStart();
        services.AddSingleton<ServerSettings>();
        services.AddSingleton<ModeratorPolicy>();
        services.AddHostedService<PendingImportSweeper>();
        return services;
    }
}
