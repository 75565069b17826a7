using System.Globalization;
using BackgroundBot.Bot;
using BackgroundBot.Community;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Moderation;

/// <summary>
/// <c>/article import|list|remove</c> for moderators. An upload is read and previewed (title, date, passage count,
/// first passages) with Confirm and Cancel; nothing is stored until Confirm.
/// </summary>
public sealed class ArticleInteractionHandler(
    ModeratorPolicy policy,
    IKnowledgeStore store,
    ArticleReader reader,
    ArticleImporter importer,
    FactCuration curation,
    SemanticSearch semantic,
    IHttpClientFactory httpClients,
    IOptions<StoreOptions> storeOptions,
    IOptions<ModerationOptions> moderationOptions,
    TimeProvider time) : IInteractionModule
{
    public const string Command = "article";
    private const string ConfirmButton = "article:confirm:";
    private const string CancelButton = "article:cancel:";

    public IReadOnlyList<ApplicationCommandDefinition> Commands { get; } =
    [
        new()
        {
            Name = Command,
            Description = "Import, list and remove articles.",
            DefaultMemberPermissions = DiscordPermissions.ManageGuild,
            Options =
            [
                new()
                {
                    Type = ApplicationCommandOptionType.Subcommand,
                    Name = "import",
                    Description = "Import a .txt, .md or .html article (previewed first).",
                    Options =
                    [
                        new() { Type = ApplicationCommandOptionType.Attachment, Name = "file", Description = "The article file", Required = true },
                        new() { Type = ApplicationCommandOptionType.String, Name = "title", Description = "Title (overrides the file's)", MaxLength = 300 },
                        new() { Type = ApplicationCommandOptionType.String, Name = "url", Description = "Source URL (overrides the file's)", MaxLength = 500 },
                        new() { Type = ApplicationCommandOptionType.String, Name = "date", Description = "Publication date, YYYY-MM-DD", MaxLength = 10 },
                    ],
                },
                new() { Type = ApplicationCommandOptionType.Subcommand, Name = "list", Description = "List the articles." },
                new()
                {
                    Type = ApplicationCommandOptionType.Subcommand,
                    Name = "remove",
                    Description = "Remove an article; its passages are no longer cited.",
                    Options =
                    [
                        new() { Type = ApplicationCommandOptionType.Integer, Name = "id", Description = "Article id", Required = true, MinValue = 1 },
                        new() { Type = ApplicationCommandOptionType.String, Name = "reason", Description = "Why (kept in the audit)", Required = true, MaxLength = 300 },
                    ],
                },
            ],
        },
    ];

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.CommandName == Command || interaction.CustomId?.StartsWith("article:", StringComparison.Ordinal) == true;
    }

    public async Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        if (policy.RefusalFor(interaction) is { } refusal)
        {
            await responder.RespondAsync(DiscordMessage.Text(refusal, ephemeral: true), cancellationToken);
            return;
        }

        var actor = string.Create(CultureInfo.InvariantCulture, $"discord:{interaction.User.Id}");
        switch (interaction.Subcommand, interaction.CustomId)
        {
            case ("import", _):
                await PreviewAsync(interaction, actor, responder, cancellationToken);
                break;
            case ("list", _):
                var lines = store.ListArticles().Select(a => string.Create(CultureInfo.InvariantCulture,
                    $"{a.Id}. {a.Title} ({a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"}), {store.PassagesOf(a.Id).Count(p => !p.Retired)} passages"));
                await responder.RespondAsync(DiscordMessage.Text(DiscordLimits.Trim(string.Join('\n', lines), DiscordLimits.Content), ephemeral: true), cancellationToken);
                break;
            case ("remove", _):
                var removed = curation.RemoveArticle((int)(interaction.GetOption("id")?.AsInteger() ?? 0), interaction.GetOption("reason")?.AsString() ?? "", actor);
                await responder.RespondAsync(DiscordMessage.Text(removed.Succeeded ? $"{removed.Message} (audit {removed.AuditId})" : removed.Message, ephemeral: true), cancellationToken);
                break;
            case (_, { } id) when id.StartsWith(ConfirmButton, StringComparison.Ordinal):
                await ConfirmAsync(id[ConfirmButton.Length..], actor, responder, cancellationToken);
                break;
            case (_, { } id) when id.StartsWith(CancelButton, StringComparison.Ordinal):
                store.Write(write => write.Moderation().TakePendingImport(id[CancelButton.Length..]));
                await responder.UpdateMessageAsync(new DiscordMessage { Content = "Import cancelled; nothing was stored." }, cancellationToken);
                break;
            default:
                await responder.RespondAsync(DiscordMessage.Text("I don't know that article command.", ephemeral: true), cancellationToken);
                break;
        }
    }

    private async Task PreviewAsync(Interaction interaction, string actor, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var attachmentId = interaction.GetOption("file")?.AsSnowflake();
        if (attachmentId is null || !interaction.Attachments.TryGetValue(attachmentId.Value, out var file))
        {
            await responder.RespondAsync(DiscordMessage.Text("Attach the article as a .txt, .md or .html file.", ephemeral: true), cancellationToken);
            return;
        }

        var date = interaction.GetOption("date")?.AsString();
        DateOnly? published = null;
        if (date is not null)
        {
            if (!ArticleHeaders.TryDate(date, out var parsedDate))
            {
                await responder.RespondAsync(DiscordMessage.Text($"The date '{date}' is not a YYYY-MM-DD date.", ephemeral: true), cancellationToken);
                return;
            }

            published = parsedDate;
        }

        var limit = storeOptions.Value.MaxImportBytes;
        if (file.Size > limit)
        {
            await responder.RespondAsync(DiscordMessage.Text(string.Create(CultureInfo.InvariantCulture,
                $"{file.FileName} is {file.Size:N0} bytes; the import limit is {limit:N0} bytes (setting Store:MaxImportBytes)."), ephemeral: true), cancellationToken);
            return;
        }

        // Reading the file can take longer than Discord's 3 seconds, so the answer is deferred first.
        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var content = await httpClients.CreateClient("attachments").GetByteArrayAsync(file.Url, cancellationToken);
        var overrides = new ArticleMetadata(interaction.GetOption("title")?.AsString(), interaction.GetOption("url")?.AsString(), published);
        var read = reader.Read(file.FileName, content, overrides);
        if (read.Article is not { } article)
        {
            await responder.EditOriginalAsync(DiscordMessage.Text($"{read.Error} Nothing was stored."), cancellationToken);
            return;
        }

        var pending = new PendingImport
        {
            Id = Guid.NewGuid().ToString("N"),
            FileName = file.FileName,
            Content = content,
            Title = overrides.Title,
            Url = overrides.Url,
            Published = date,
            Actor = actor,
            CreatedAt = time.GetUtcNow(),
        };
        store.Write(write =>
        {
            write.Moderation().PutPendingImport(pending);
            return 0;
        });
        var (_, passages) = ArticleImporter.Preview(article);
        var fields = passages.Take(3).Select((p, i) => new EmbedField(string.Create(CultureInfo.InvariantCulture, $"Passage {i + 1}"), DiscordLimits.Trim(p, 300))).ToList();
        await responder.EditOriginalAsync(
            new DiscordMessage
            {
                Embeds =
                [
                    new Embed
                    {
                        Title = DiscordLimits.Trim($"Preview: {article.Title ?? file.FileName}", DiscordLimits.EmbedTitle),
                        Description = string.Create(CultureInfo.InvariantCulture,
                            $"Published: {article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"}\nSource: {article.Url ?? "none given"}\n{(article.Url is null || article.Published is null ? "Warning: without a URL and a date it will be cited without a link or a date; add url: and date: headers to the file, or the url and date options.\n" : "")}{passages.Count} passages. Nothing is stored until you confirm. The preview expires in {Lifetime}."),
                        Fields = fields,
                    },
                ],
                Components =
                [
                    new ActionRow(
                    [
                        new Button { Label = "Confirm import", CustomId = ConfirmButton + pending.Id, Style = ButtonStyle.Success },
                        new Button { Label = "Cancel", CustomId = CancelButton + pending.Id, Style = ButtonStyle.Secondary },
                    ]),
                ],
            },
            cancellationToken);
    }

    private string Lifetime => moderationOptions.Value.PendingImportLifetime is var t && t.TotalMinutes == Math.Floor(t.TotalMinutes)
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0} minute{(t.TotalMinutes == 1 ? "" : "s")}")
        : t.ToString("c", CultureInfo.InvariantCulture);

    private async Task ConfirmAsync(string pendingId, string actor, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var pending = store.Write(write => write.Moderation().TakePendingImport(pendingId));
        if (pending is null)
        {
            // Expired previews are discarded by PendingImportSweeper, so "not found" may be an expiry too.
            await responder.UpdateMessageAsync(new DiscordMessage { Content = $"This preview was already confirmed or cancelled, or it expired (previews are kept for {Lifetime}). Nothing more was stored; to import the article, run /article import again." }, cancellationToken);
            return;
        }

        if (time.GetUtcNow() - pending.CreatedAt >= moderationOptions.Value.PendingImportLifetime)
        {
            await responder.UpdateMessageAsync(new DiscordMessage { Content = $"This preview expired (previews are kept for {Lifetime}). Nothing was stored; to import the article, run /article import again." }, cancellationToken);
            return;
        }

        DateOnly? published = pending.Published is { } d && ArticleHeaders.TryDate(d, out var date) ? date : null;
        var result = importer.Import(pending.FileName, pending.Content, new ArticleMetadata(pending.Title, pending.Url, published), actor, cancellationToken: cancellationToken);
        if (result.Succeeded && semantic.Enabled)
        {
            await semantic.EmbedMissingAsync(null, cancellationToken);
        }

        await responder.UpdateMessageAsync(new DiscordMessage { Content = DiscordLimits.Trim(result.Message, DiscordLimits.Content) }, cancellationToken);
    }
}
