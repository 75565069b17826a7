using System.Globalization;
using System.Text.Json;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// What moderators do to the store: add, edit and retract facts, remove articles, add aliases, and undo any of it.
/// Every change is one transaction with its audit entry; an edit names the version it started from, so two
/// moderators editing the same fact never lose an update silently. Callers check permissions before calling.
/// </summary>
public sealed class FactCuration(FactStore store, TimeProvider time)
{
    public CurationResult<Fact> Add(FactDraft draft, string actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Check(draft, out var source, out var citations) is { } problem)
        {
            return CurationResult<Fact>.Refused(problem);
        }

        var (fact, auditId) = store.Write(write =>
        {
            var stored = write.InsertFactWithPassage(Apply(new Fact { Statement = draft.Statement, Topic = draft.Topic }, draft, source, citations));
            return (stored, write.Audit(time.GetUtcNow(), actor, "fact.add", Subject(stored.Id), null, stored).Id);
        });
        return CurationResult<Fact>.Done($"Added fact {fact.Id}.", fact, auditId);
    }

    /// <param name="expectedVersion">The version the moderator saw; if the fact changed since, nothing is written.</param>
    public CurationResult<Fact> Edit(int id, int expectedVersion, FactDraft draft, string actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Check(draft, out var source, out var citations) is { } problem)
        {
            return CurationResult<Fact>.Refused(problem);
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

            var edited = write.UpdateFactWithPassage(Apply(current, draft, source, citations) with { Version = current.Version + 1 });
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
            var audit = write.Audit(time.GetUtcNow(), actor, "article.remove", $"article/{id}", Summary(article), Summary(removed));
            return CurationResult<Article>.Done($"Removed article {id}; its {retired} passages will not be cited again.", removed, audit.Id);
        });
    }

    public CurationResult<AliasGroup> AddAlias(IReadOnlyList<string> names, string actor, AliasKind kind = AliasKind.Place, bool showBoth = false)
    {
        ArgumentNullException.ThrowIfNull(names);
        var clean = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clean.Count < 2)
        {
            return CurationResult<AliasGroup>.Refused("An alias needs at least two different names.");
        }

        return store.Write(write =>
        {
            var now = time.GetUtcNow();
            if (store.ListAliases().FirstOrDefault(a => a.Names.Any(n => clean.Contains(n, StringComparer.OrdinalIgnoreCase))) is { } existing)
            {
                var merged = existing with { Names = existing.Names.Concat(clean).Distinct(StringComparer.OrdinalIgnoreCase).ToList() };
                if (merged.Names.Count == existing.Names.Count)
                {
                    return CurationResult<AliasGroup>.Refused($"Those names are already aliases of each other (alias {existing.Id}).");
                }

                write.UpdateAlias(merged);
                var edit = write.Audit(now, actor, "alias.edit", $"alias/{existing.Id}", existing, merged);
                return CurationResult<AliasGroup>.Done($"Added to alias {existing.Id}: {string.Join(" / ", merged.Names)}.", merged, edit.Id);
            }

            var stored = write.InsertAlias(new AliasGroup { Names = clean, Kind = kind, ShowBoth = showBoth });
            var audit = write.Audit(now, actor, "alias.add", $"alias/{stored.Id}", null, stored);
            return CurationResult<AliasGroup>.Done($"Added alias {stored.Id}: {string.Join(" / ", clean)}.", stored, audit.Id);
        });
    }

    /// <summary>Reverts the change an audit entry records; the revert is audited too, and can itself be undone.</summary>
    public CurationResult<AuditEntry> Undo(int auditId, string actor)
    {
        if (store.FindAudit(auditId) is not { } entry)
        {
            return CurationResult<AuditEntry>.NotFound($"No audit entry with id {auditId}.");
        }

        return store.Write(write =>
        {
            var now = time.GetUtcNow();
            var id = int.Parse(entry.Subject.AsSpan(entry.Subject.IndexOf('/', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);
            switch (entry.Action)
            {
                case "fact.add":
                    {
                        var current = store.FindFact(id);
                        if (current is null || current.Status == FactStatus.Retracted)
                        {
                            return CurationResult<AuditEntry>.Refused($"Fact {id} is already retracted; nothing to undo.");
                        }

                        var retracted = write.UpdateFactWithPassage(current with { Status = FactStatus.Retracted, RetractionReason = $"undo of audit {auditId}", Version = current.Version + 1 });
                        return Undone(write.Audit(now, actor, "fact.undo", entry.Subject, current, retracted));
                    }

                case "fact.edit" or "fact.retract" or "fact.undo":
                    {
                        var current = store.FindFact(id)!;
                        var before = JsonSerializer.Deserialize<Fact>(entry.Before!, AuditJson.Options)!;
                        var restored = write.UpdateFactWithPassage(before with { PassageId = current.PassageId, Version = current.Version + 1 });
                        return Undone(write.Audit(now, actor, "fact.undo", entry.Subject, current, restored));
                    }

                case "article.remove":
                    {
                        var current = store.FindArticle(id)!;
                        if (current.Status != ArticleStatus.Removed)
                        {
                            return CurationResult<AuditEntry>.Refused($"Article {id} is not removed; nothing to undo.");
                        }

                        var restored = current with { Status = ArticleStatus.Active, StatusReason = null };
                        write.UpdateArticle(restored);
                        write.RestorePassagesOf(id);
                        return Undone(write.Audit(now, actor, "article.undo", entry.Subject, Summary(current), Summary(restored)));
                    }

                case "alias.add":
                    {
                        var current = store.ListAliases().FirstOrDefault(a => a.Id == id);
                        if (current is null)
                        {
                            return CurationResult<AuditEntry>.Refused($"Alias {id} no longer exists; nothing to undo.");
                        }

                        write.DeleteAlias(id);
                        return Undone(write.Audit(now, actor, "alias.undo", entry.Subject, current, null));
                    }

                case "alias.edit":
                    {
                        var current = store.ListAliases().First(a => a.Id == id);
                        var before = JsonSerializer.Deserialize<AliasGroup>(entry.Before!, AuditJson.Options)!;
                        write.UpdateAlias(before);
                        return Undone(write.Audit(now, actor, "alias.undo", entry.Subject, current, before));
                    }

                default:
                    return CurationResult<AuditEntry>.Refused($"Audit entry {auditId} ({entry.Action}) cannot be undone.");
            }
        });

        CurationResult<AuditEntry> Undone(AuditEntry audit) =>
            CurationResult<AuditEntry>.Done($"Undid audit entry {auditId} ({entry.Action} on {entry.Subject}) as audit entry {audit.Id}.", audit, audit.Id);
    }

    private string? Check(FactDraft draft, out FactSource? source, out IReadOnlyList<int> citations)
    {
        source = null;
        citations = [];
        if (string.IsNullOrWhiteSpace(draft.Statement) || draft.Statement.Length > Knowledge.Packs.FactPackLoader.MaxStatementLength)
        {
            return $"The statement must be 1 to {Knowledge.Packs.FactPackLoader.MaxStatementLength} characters.";
        }

        if (!FactDate.IsValid(draft.Date) || (draft.DateEnd is not null && !FactDate.IsValid(draft.DateEnd)))
        {
            return "Dates are YYYY, YYYY-MM or YYYY-MM-DD (for a period, give a start and an end).";
        }

        if (!Topics.IsKnown(draft.Topic))
        {
            return $"The topic must be one of {string.Join(", ", Topics.All)}.";
        }

        if (draft.ArticleId is { } articleId)
        {
            if (store.FindArticle(articleId) is not { Status: ArticleStatus.Active } article)
            {
                return $"No active article with id {articleId}; `articles` lists them.";
            }

            if (!string.IsNullOrWhiteSpace(draft.Quote))
            {
                var quote = Fold(draft.Quote);
                var passage = store.PassagesOf(articleId).FirstOrDefault(p => !p.Retired && Fold(p.Text).Contains(quote, StringComparison.OrdinalIgnoreCase));
                if (passage is null)
                {
                    return $"The quote is not in article {articleId}; copy it exactly from the article.";
                }

                citations = [passage.Id];
            }

            source = new FactSource
            {
                Title = article.Title,
                Publisher = article.Publisher,
                Url = article.Url,
                Published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            return null;
        }

        if (!Uri.TryCreate(draft.SourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return "A fact needs a source: an article id from the store, or the http(s) URL of a public source.";
        }

        source = new FactSource { Title = string.IsNullOrWhiteSpace(draft.SourceTitle) ? url.Host : draft.SourceTitle.Trim(), Url = url.ToString() };
        return null;
    }

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

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Subject(int factId) => string.Create(CultureInfo.InvariantCulture, $"fact/{factId}");

    private static object Summary(Article article) => new { article.Id, article.Title, article.Url, Status = article.Status.ToString(), article.StatusReason };
}
