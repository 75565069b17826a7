using System.Globalization;
using System.Text.Json;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// What moderators do to facts and articles: add, edit and retract facts, remove articles. Every change is one
/// transaction with its audit entry; an edit names the version it started from, so two moderators editing the same
/// fact never lose an update silently, and changes only the fields it names. Callers check permissions first.
/// </summary>
public sealed partial class FactCuration(IKnowledgeStore store, TimeProvider time)
{
    /// <param name="force">Add even when a live fact already says nearly the same.</param>
    public CurationResult<Fact> Add(FactDraft draft, string actor, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.ArticleId is not null && !string.IsNullOrWhiteSpace(draft.SourceUrl))
        {
            return CurationResult<Fact>.Refused(BothSources);
        }

        if (Check(draft, out var source, out var citations) is { } problem)
        {
            return CurationResult<Fact>.Refused(problem);
        }

        if (!force && NearDuplicate(draft.Statement, exceptId: null) is { } twin)
        {
            return CurationResult<Fact>.Refused(string.Create(CultureInfo.InvariantCulture,
                $"Fact {twin.Id} already says nearly the same: \"{twin.Statement}\". Edit that one, or add this anyway with --force."));
        }

        var (fact, auditId) = store.Write(write =>
        {
            var stored = write.InsertFactWithPassage(Apply(new Fact { Statement = draft.Statement, Topic = draft.Topic }, draft, source, citations));
            return (stored, write.Audit(time.GetUtcNow(), actor, "fact.add", Subject(stored.Id), null, stored).Id);
        });
        return CurationResult<Fact>.Done($"Added fact {fact.Id}.", fact, auditId);
    }

    /// <summary>An edit from a whole draft (a Discord form, an approved correction): only what differs from the fact changes.</summary>
    public CurationResult<Fact> Edit(int id, int expectedVersion, FactDraft draft, string actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (store.FindFact(id) is not { } current)
        {
            return CurationResult<Fact>.NotFound($"No fact with id {id}.");
        }

        return Edit(id, expectedVersion, FactEdit.From(draft, current), actor);
    }

    /// <param name="expectedVersion">The version the moderator saw; if the fact changed since, nothing is written.</param>
    public CurationResult<Fact> Edit(int id, int expectedVersion, FactEdit edit, string actor)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.ArticleId is not null && edit.SourceUrl is not null)
        {
            return CurationResult<Fact>.Refused(BothSources);
        }

        return store.Write(write =>
        {
            if (store.FindFact(id) is not { } current)
            {
                return CurationResult<Fact>.NotFound($"No fact with id {id}.");
            }

            if (current.Version != expectedVersion)
            {
                return CurationResult<Fact>.Conflict(ChangedSince(current, expectedVersion));
            }

            if (current.Status == FactStatus.Retracted)
            {
                return CurationResult<Fact>.Refused($"Fact {id} is retracted; undo the retraction before editing it.");
            }

            if (Changed(current, edit, out var next) is { } problem)
            {
                return CurationResult<Fact>.Refused(problem);
            }

            if (Same(current, next))
            {
                return CurationResult<Fact>.Unchanged($"Nothing changed: fact {id} already reads so (still version {current.Version}).");
            }

            var edited = write.UpdateFactWithPassage(next with { Version = current.Version + 1 });
            var audit = write.Audit(time.GetUtcNow(), actor, "fact.edit", Subject(id), current, edited);
            return CurationResult<Fact>.Done($"Edited fact {id} (now version {edited.Version}).", edited, audit.Id);
        });
    }

    public CurationResult<Fact> Retract(int id, string reason, string actor, int? expectedVersion = null)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CurationResult<Fact>.Refused("A retraction needs a reason; it is kept with the fact and shown in the audit.");
        }

        return store.Write(write =>
        {
            if (store.FindFact(id) is not { } current)
            {
                return CurationResult<Fact>.NotFound($"No fact with id {id}.");
            }

            if (expectedVersion is { } expected && current.Version != expected)
            {
                return CurationResult<Fact>.Conflict(ChangedSince(current, expected));
            }

            if (current.Status == FactStatus.Retracted)
            {
                return CurationResult<Fact>.Refused($"Fact {id} is already retracted ({current.RetractionReason}).");
            }

            var retracted = write.UpdateFactWithPassage(current with { Status = FactStatus.Retracted, RetractionReason = reason.Trim(), Version = current.Version + 1 });
            var audit = write.Audit(time.GetUtcNow(), actor, "fact.retract", Subject(id), current, retracted);
            return CurationResult<Fact>.Done($"Retracted fact {id}; it will not be cited again.", retracted, audit.Id);
        });
    }

    /// <summary>A soft removal: the article stays in the store and the audit, but its passages are never cited again.</summary>
    public CurationResult<Article> RemoveArticle(int id, string reason, string actor)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CurationResult<Article>.Refused("Removing an article needs a reason.");
        }

        return store.Write(write =>
        {
            if (store.FindArticle(id) is not { } article)
            {
                return CurationResult<Article>.NotFound($"No article with id {id}.");
            }

            if (article.Status != ArticleStatus.Active)
            {
                return CurationResult<Article>.Refused($"Article {id} is already {article.Status.ToString().ToLowerInvariant()}.");
            }

            var removed = article with { Status = ArticleStatus.Removed, StatusReason = reason.Trim() };
            write.UpdateArticle(removed);
            var retired = write.RetirePassagesOf(id);
            var audit = write.Audit(time.GetUtcNow(), actor, "article.remove", $"article/{id}", ArticleSummary(article), ArticleSummary(removed));
            return CurationResult<Article>.Done($"Removed article {id}; its {retired} passages will not be cited again.", removed, audit.Id);
        });
    }

    /// <summary>What the audit keeps of an article (its text is in the store already).</summary>
    internal static object ArticleSummary(Article article) => new { article.Id, article.Title, article.Url, Status = article.Status.ToString(), article.StatusReason };

    /// <summary>
    /// A live fact whose statement has nearly the same words (at least 85% shared, case and punctuation aside): adding
    /// the same statement twice makes answers cite it twice.
    /// </summary>
    private Fact? NearDuplicate(string statement, int? exceptId)
    {
        var words = Words(statement);
        if (words.Count == 0)
        {
            return null;
        }

        return store.ListFacts()
            .Where(f => f.Id != exceptId)
            .Select(f => (Fact: f, Overlap: Overlap(words, Words(f.Statement))))
            .Where(x => x.Overlap >= 0.85)
            .OrderByDescending(x => x.Overlap)
            .ThenBy(x => x.Fact.Id)
            .Select(x => x.Fact)
            .FirstOrDefault();
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Split(text).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        var union = a.Count + b.Count - a.Count(b.Contains);
        return union == 0 ? 0 : (double)a.Count(b.Contains) / union;
    }

    /// <summary>The fact as the edit leaves it: named fields replaced, everything else as it was; or why the edit is refused.</summary>
    private string? Changed(Fact current, FactEdit edit, out Fact next)
    {
        next = current with
        {
            Statement = edit.Statement?.Trim() ?? current.Statement,
            Date = edit.Date ?? current.Date,
            DateEnd = edit.DateEnd ?? current.DateEnd,
            Topic = edit.Topic ?? current.Topic,
            ClaimedBy = edit.ClaimedBy ?? current.ClaimedBy,
        };
        if (CheckFields(next.Statement, next.Date ?? "", next.DateEnd, next.Topic) is { } problem)
        {
            return problem;
        }

        if (edit.ArticleId is { } newArticle)
        {
            if (store.FindArticle(newArticle) is not { Status: ArticleStatus.Active } article)
            {
                return $"No active article with id {newArticle}; `articles` lists them.";
            }

            next = next with { Source = ArticleSource(article) };
        }
        else if (edit.SourceUrl is { } rawUrl)
        {
            if (!Uri.TryCreate(rawUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return $"The source URL '{rawUrl}' is not an http(s) URL.";
            }

            // The same URL written again keeps what is known about it (publisher, publication date).
            var same = string.Equals(current.Source?.Url, url.ToString(), StringComparison.Ordinal) ? current.Source : null;
            next = next with
            {
                Source = new FactSource
                {
                    Title = edit.SourceTitle?.Trim() ?? same?.Title ?? url.Host,
                    Url = url.ToString(),
                    Publisher = same?.Publisher,
                    Published = same?.Published,
                },
            };
        }

        if (edit.SourceTitle is { } title && edit.SourceUrl is null && edit.ArticleId is null)
        {
            next = next with { Source = (next.Source ?? new FactSource { Title = title }) with { Title = title.Trim() } };
        }

        if (!string.IsNullOrWhiteSpace(edit.Quote))
        {
            var articleId = edit.ArticleId ?? SourceArticleOf(current);
            if (articleId is null)
            {
                return $"Fact {current.Id}'s source is not an article in the store, so the quote cannot be found; name the article with --article ID.";
            }

            if (QuotedPassage(articleId.Value, edit.Quote) is not { } passage)
            {
                return $"The quote is not in article {articleId}; copy it exactly from the article.";
            }

            next = next with { Citations = [passage.Id] };
        }

        return null;
    }

    /// <summary>The article a fact is sourced from: the one its cited passages belong to, or the live article at its source URL.</summary>
    private int? SourceArticleOf(Fact fact)
    {
        foreach (var cited in fact.Citations)
        {
            if (store.FindPassage(cited) is { FactId: null, ArticleId: > 0 } passage)
            {
                return passage.ArticleId;
            }
        }

        return fact.Source?.Url is { } url && store.FindActiveArticleByUrl(url) is { } article ? article.Id : null;
    }

    private static bool Same(Fact a, Fact b) =>
        JsonSerializer.Serialize(a, AuditJson.Options) == JsonSerializer.Serialize(b, AuditJson.Options);

    private string? Check(FactDraft draft, out FactSource? source, out IReadOnlyList<int> citations)
    {
        source = null;
        citations = [];
        if (CheckFields(draft.Statement, draft.Date, draft.DateEnd, draft.Topic) is { } problem)
        {
            return problem;
        }

        if (draft.ArticleId is { } articleId)
        {
            if (store.FindArticle(articleId) is not { Status: ArticleStatus.Active } article)
            {
                return $"No active article with id {articleId}; `articles` lists them.";
            }

            if (!string.IsNullOrWhiteSpace(draft.Quote))
            {
                if (QuotedPassage(articleId, draft.Quote) is not { } passage)
                {
                    return $"The quote is not in article {articleId}; copy it exactly from the article.";
                }

                citations = [passage.Id];
            }

            source = ArticleSource(article);
            return null;
        }

        if (!string.IsNullOrWhiteSpace(draft.Quote))
        {
            return "A quote is looked up in an article: name it with --article ID.";
        }

        if (!Uri.TryCreate(draft.SourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return "A fact needs a source: an article id from the store, or the http(s) URL of a public source.";
        }

        source = new FactSource { Title = string.IsNullOrWhiteSpace(draft.SourceTitle) ? url.Host : draft.SourceTitle.Trim(), Url = url.ToString() };
        return null;
    }

    private static string? CheckFields(string statement, string date, string? dateEnd, string topic)
    {
        if (string.IsNullOrWhiteSpace(statement) || statement.Length > Knowledge.Packs.FactPackLoader.MaxStatementLength)
        {
            return $"The statement must be 1 to {Knowledge.Packs.FactPackLoader.MaxStatementLength} characters.";
        }

        if (!FactDate.IsValid(date) || (dateEnd is not null && !FactDate.IsValid(dateEnd)))
        {
            return "Dates are YYYY, YYYY-MM or YYYY-MM-DD (for a period, give a start and an end).";
        }

        return Topics.IsKnown(topic) ? null : Topics.Unknown(topic);
    }

    private Passage? QuotedPassage(int articleId, string quote)
    {
        var folded = Fold(quote);
        return store.PassagesOf(articleId).FirstOrDefault(p => !p.Retired && Fold(p.Text).Contains(folded, StringComparison.OrdinalIgnoreCase));
    }

    private static FactSource ArticleSource(Article article) => new()
    {
        Title = article.Title,
        Publisher = article.Publisher,
        Url = article.Url,
        Published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static Fact Apply(Fact fact, FactDraft draft, FactSource? source, IReadOnlyList<int> citations) => fact with
    {
        Statement = draft.Statement.Trim(),
        Date = draft.Date,
        DateEnd = draft.DateEnd,
        Topic = draft.Topic,
        ClaimedBy = draft.ClaimedBy,
        Citations = citations,
        Source = source,
    };

    private static string ChangedSince(Fact current, int expected)
    {
        var last = current.Version > expected ? " It changed since you opened it" : "";
        return string.Create(CultureInfo.InvariantCulture, $"Fact {current.Id} is at version {current.Version}, not {expected}.{last}; reload it and make your change again.");
    }

    private const string BothSources = "A fact has one source: give --article ID (an article in the store) or --url URL, not both.";

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();

    private static string Subject(int factId) => string.Create(CultureInfo.InvariantCulture, $"fact/{factId}");
}
