using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Knowledge.Import;

/// <summary>
/// Stores articles: re-importing the same content is a no-op, a changed article at the same URL becomes
/// a new revision with the old passages retired, and each import is one transaction, audited.
/// </summary>
public sealed class ArticleImporter(IKnowledgeStore store, ArticleReader reader, TimeProvider time, ILogger<ArticleImporter> logger)
{
    public ImportResult ImportFile(string path, ArticleMetadata? overrides, string actor, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Import(reader.ReadFile(path, overrides), actor, progress, cancellationToken);

    public ImportResult Import(string fileName, ReadOnlySpan<byte> content, ArticleMetadata? overrides, string actor, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Import(reader.Read(fileName, content, overrides), actor, progress, cancellationToken);

    /// <summary>What an import would store, without storing it (for previews).</summary>
    public static (string Text, IReadOnlyList<string> Passages) Preview(ParsedArticle article)
    {
        var (text, spans) = PassageSplitter.Split(article.Blocks);
        return (text, spans.Select(s => text[s]).ToList());
    }

    private ImportResult Import(ArticleReadResult read, string actor, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (read.Article is not { } parsed)
        {
            Log.ImportRefused(logger, read.Error!);
            return new ImportResult(ImportOutcome.Failed, read.Error!);
        }

        return Import(parsed, actor, progress, cancellationToken);
    }

    /// <summary>Stores an article already read (and so already checked) by <see cref="ArticleReader"/>.</summary>
    public ImportResult Import(ParsedArticle parsed, string actor, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var (text, spans) = PassageSplitter.Split(parsed.Blocks);
        var hash = ContentHash(text);
        var existing = store.FindArticleByHash(hash);
        if (existing is { Status: ArticleStatus.Active })
        {
            return new ImportResult(
                ImportOutcome.Unchanged,
                $"{parsed.SourceFile}: already imported as article {existing.Id} ({existing.Title}); nothing changed.",
                existing,
                store.PassagesOf(existing.Id));
        }

        var previous = parsed.Url is null ? null : store.FindActiveArticleByUrl(parsed.Url);
        try
        {
            var (article, stored) = store.Write(write =>
            {
                // Checked again inside the write, where writes are serialized: another instance on a shared store may have
                // stored the same text (instances seeding a new store together) or revised the same URL since the checks above.
                if (store.FindArticleByHash(hash) is { Status: ArticleStatus.Active } raced)
                {
                    return (raced, (IReadOnlyList<Passage>?)null);
                }

                previous = parsed.Url is null ? null : store.FindActiveArticleByUrl(parsed.Url);
                var now = time.GetUtcNow();
                var article = write.InsertArticle(new Article
                {
                    Title = parsed.Title ?? DefaultTitle(text, parsed.SourceFile),
                    Url = parsed.Url,
                    Publisher = parsed.Publisher,
                    Published = parsed.Published,
                    ImportedAt = now,
                    ImportedBy = actor,
                    ContentHash = hash,
                    SourceFile = parsed.SourceFile,
                    Text = text,
                    Revision = previous is null ? 1 : previous.Revision + 1,
                    Supersedes = previous?.Id,
                });

                var passages = new List<Passage>(spans.Count);
                for (var i = 0; i < spans.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (start, length) = spans[i].GetOffsetAndLength(text.Length);
                    passages.Add(write.InsertPassage(new Passage
                    {
                        ArticleId = article.Id,
                        Ordinal = i + 1,
                        Text = text.Substring(start, length),
                        Start = start,
                        Length = length,
                    }));
                    progress?.Report(new ImportProgress(parsed.SourceFile, i + 1, spans.Count));
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (previous is not null)
                {
                    var superseded = previous with { Status = ArticleStatus.Superseded, StatusReason = $"replaced by article {article.Id}" };
                    write.UpdateArticle(superseded);
                    var retired = write.RetirePassagesOf(previous.Id);
                    write.Audit(now, actor, "article.supersede", $"article/{previous.Id}", Summary(previous, null), Summary(superseded, retired));
                }

                write.Audit(now, actor, "article.import", $"article/{article.Id}", null, Summary(article, passages.Count));
                return (article, (IReadOnlyList<Passage>?)passages);
            });

            if (stored is not { } passages)
            {
                return new ImportResult(
                    ImportOutcome.Unchanged, $"{parsed.SourceFile}: already imported as article {article.Id} ({article.Title}); nothing changed.", article, store.PassagesOf(article.Id));
            }

            Log.ArticleImported(logger, article.Id, passages.Count, actor);
            return previous is null
                ? new ImportResult(ImportOutcome.Imported, $"{parsed.SourceFile}: imported as article {article.Id} ({article.Title}), {passages.Count} passages.", article, passages)
                : new ImportResult(ImportOutcome.Revised, $"{parsed.SourceFile}: imported as article {article.Id}, revision {article.Revision} of {article.Url}; article {previous.Id} and its passages are retired.", article, passages, previous);
        }
        catch (OperationCanceledException)
        {
            return new ImportResult(ImportOutcome.Failed, $"{parsed.SourceFile}: import interrupted; the store is unchanged.");
        }
    }

    /// <summary>Hash of the text with whitespace folded, so re-saving a file with other line endings is still "the same".</summary>
    public static string ContentHash(string text)
    {
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)));
    }

    private static string DefaultTitle(string text, string sourceFile)
    {
        var first = Text.SentenceSplitter.Split(text).FirstOrDefault();
        if (first.End.Value == 0)
        {
            return Path.GetFileNameWithoutExtension(sourceFile);
        }

        var sentence = text[first];
        return sentence.Length <= 90 ? sentence : string.Concat(sentence.AsSpan(0, sentence.LastIndexOf(' ', 87)), "…");
    }

    private static object Summary(Article article, int? passages) => new
    {
        article.Id,
        article.Title,
        article.Url,
        article.Publisher,
        Published = article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        article.ContentHash,
        article.Revision,
        article.Supersedes,
        Status = article.Status.ToString(),
        article.StatusReason,
        Passages = passages,
    };
}
