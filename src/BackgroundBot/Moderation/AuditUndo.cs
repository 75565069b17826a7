using System.Globalization;
using System.Text.Json;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// Reverts the change an audit entry records, as a new audited change that can itself be undone. Undo never destroys
/// later work silently: when later changes to the same item would be overwritten it refuses, naming them, unless
/// asked to cascade (undo them newest first, then the entry). An entry already undone is not undone again.
/// </summary>
public sealed class AuditUndo(IKnowledgeStore store,
    IModerationStore moderation, TimeProvider time)
{
    private static readonly HashSet<string> Undoable = new(StringComparer.Ordinal)
    {
        "fact.add", "fact.edit", "fact.retract", "fact.link", "fact.undo",
        "article.remove", "article.undo",
        "alias.add", "alias.edit", "alias.remove", "alias.undo",
        "gap.dismiss", "gap.undo",
    };

    /// <param name="cascade">Also undo the later changes to the same item, newest first, in the same transaction.</param>
    public CurationResult<AuditEntry> Undo(int auditId, string actor, bool cascade = false)
    {
        try
        {
            return store.Write(write => UndoIn(write, auditId, actor, cascade));
        }
        catch (UndoRefusedException refused)
        {
            return CurationResult<AuditEntry>.Refused(refused.Message);
        }
    }

    private CurationResult<AuditEntry> UndoIn(IKnowledgeWrites write, int auditId, string actor, bool cascade)
    {
        if (store.FindAudit(auditId) is not { } entry)
        {
            return CurationResult<AuditEntry>.NotFound($"No audit entry with id {auditId}.");
        }

        if (!Undoable.Contains(entry.Action))
        {
            return CurationResult<AuditEntry>.Refused($"Audit entry {auditId} ({entry.Action}) cannot be undone.");
        }

        if (UndoneBy(entry) is { } undo)
        {
            return CurationResult<AuditEntry>.Refused(string.Create(CultureInfo.InvariantCulture,
                $"Audit entry {auditId} ({entry.Action} on {entry.Subject}) was already undone by audit {undo.Id} ({undo.Actor}, {undo.At:yyyy-MM-dd HH:mm}Z)."));
        }

        var later = LaterChanges(entry);
        if (later.Count > 0 && !cascade)
        {
            var order = string.Join(", ", later.Select(l => l.Id.ToString(CultureInfo.InvariantCulture)).Reverse());
            var fix = later.All(l => Undoable.Contains(l.Action))
                ? $" Undo those first, or add --cascade to undo {order} and then {auditId}."
                : $" {string.Join(", ", later.Where(l => !Undoable.Contains(l.Action)).Select(l => $"{l.Action} (audit {l.Id})"))} cannot be undone, so neither can this.";
            return CurationResult<AuditEntry>.Conflict(
                $"Undoing audit {auditId} ({entry.Action} on {entry.Subject}) would overwrite later changes to {entry.Subject}: {string.Join(", ", later.Select(Describe))}.{fix}");
        }

        if (later.FirstOrDefault(l => !Undoable.Contains(l.Action)) is { } stuck)
        {
            return CurationResult<AuditEntry>.Refused($"Audit {stuck.Id} ({stuck.Action}) changed {entry.Subject} later and cannot be undone, so audit {auditId} cannot be either.");
        }

        var done = new List<AuditEntry>();
        foreach (var change in later.OrderByDescending(l => l.Id).Append(entry))
        {
            var (reverted, problem) = Revert(write, change, actor);

            // Nothing of a cascade is kept when one step cannot be done: the exception rolls the transaction back.
            done.Add(reverted ?? throw new UndoRefusedException(problem!));
        }

        var message = done.Count == 1
            ? $"Undid audit entry {auditId} ({entry.Action} on {entry.Subject}) as audit entry {done[0].Id}."
            : $"Undid audit entries {string.Join(", ", done.Select(d => d.Undoes))} (newest first) as audit entries {string.Join(", ", done.Select(d => d.Id))}.";
        return CurationResult<AuditEntry>.Done(message, done[^1], done[^1].Id);
    }

    /// <summary>The undo that reverted this entry and is itself still in effect (not undone in turn), if any.</summary>
    public AuditEntry? UndoneBy(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.UndosOf(entry.Id).LastOrDefault(u => UndoneBy(u) is null);
    }

    /// <summary>
    /// Later changes to the same item still in effect: neither undone, nor an undo of something itself later than
    /// <paramref name="entry"/> (such pairs cancel out and leave nothing to overwrite).
    /// </summary>
    private List<AuditEntry> LaterChanges(AuditEntry entry) =>
        store.AuditOf(entry.Subject)
            .Where(e => e.Id > entry.Id && UndoneBy(e) is null && !(e.Undoes is { } target && target > entry.Id))
            .ToList();

    private (AuditEntry? Undo, string? Problem) Revert(IKnowledgeWrites write, AuditEntry entry, string actor)
    {
        var now = time.GetUtcNow();
        var id = int.Parse(entry.Subject.AsSpan(entry.Subject.IndexOf('/', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);
        var reverted = $"undo of audit {entry.Id}";
        switch (entry.Subject[..entry.Subject.IndexOf('/', StringComparison.Ordinal)])
        {
            case "fact":
                {
                    if (store.FindFact(id) is not { } current)
                    {
                        return (null, $"Fact {id} is no longer in the store.");
                    }

                    Fact restored;
                    if (entry.Before is null)
                    {
                        if (current.Status == FactStatus.Retracted)
                        {
                            return (null, $"Fact {id} is already retracted; nothing to undo.");
                        }

                        restored = current with { Status = FactStatus.Retracted, RetractionReason = reverted };
                    }
                    else
                    {
                        restored = JsonSerializer.Deserialize<Fact>(entry.Before, AuditJson.Options)! with { PassageId = current.PassageId };
                    }

                    var saved = write.UpdateFactWithPassage(restored with { Version = current.Version + 1 });
                    return (write.Audit(now, actor, "fact.undo", entry.Subject, current, saved, entry.Id), null);
                }

            case "article":
                {
                    if (store.FindArticle(id) is not { } current)
                    {
                        return (null, $"Article {id} is no longer in the store.");
                    }

                    // article.remove is undone by restoring; article.undo (a restore) by removing again, for the same reason.
                    var restoring = current.Status == ArticleStatus.Removed;
                    if (!restoring && current.Status != ArticleStatus.Active)
                    {
                        return (null, $"Article {id} is {current.Status.ToString().ToLowerInvariant()}; nothing to undo.");
                    }

                    var reason = entry.Before is null ? null : JsonDocument.Parse(entry.Before).RootElement.TryGetProperty("statusReason", out var r) ? r.GetString() : null;
                    var changed = restoring
                        ? current with { Status = ArticleStatus.Active, StatusReason = null }
                        : current with { Status = ArticleStatus.Removed, StatusReason = reason ?? reverted };
                    write.UpdateArticle(changed);
                    if (restoring)
                    {
                        write.RestorePassagesOf(id);
                    }
                    else
                    {
                        write.RetirePassagesOf(id);
                    }

                    return (write.Audit(now, actor, "article.undo", entry.Subject, FactCuration.ArticleSummary(current), FactCuration.ArticleSummary(changed), entry.Id), null);
                }

            case "alias":
                {
                    var current = store.ListAliases().FirstOrDefault(a => a.Id == id);
                    var before = entry.Before is null ? null : JsonSerializer.Deserialize<AliasGroup>(entry.Before, AuditJson.Options);
                    if (before is null)
                    {
                        if (current is null)
                        {
                            return (null, $"Alias {id} no longer exists; nothing to undo.");
                        }

                        write.DeleteAlias(id);
                    }
                    else
                    {
                        write.RestoreAlias(before);
                    }

                    return (write.Audit(now, actor, "alias.undo", entry.Subject, current, before, entry.Id), null);
                }

            case "gap":
                {
                    if (moderation.FindGap(id) is not { } current)
                    {
                        return (null, $"Gap {id} is no longer in the store.");
                    }

                    var before = entry.Before is null ? null : JsonSerializer.Deserialize<GapDismissal>(entry.Before, AuditJson.Options);
                    var restored = current with { DismissedAt = before?.DismissedAt, DismissedBy = before?.DismissedBy, DismissReason = before?.DismissReason };
                    write.Moderation().PutGap(restored);
                    return (write.Audit(now, actor, "gap.undo", entry.Subject, GapDismissal.Of(current), GapDismissal.Of(restored), entry.Id), null);
                }

            default:
                return (null, $"Audit entry {entry.Id} ({entry.Action}) cannot be undone.");
        }
    }

    private static string Describe(AuditEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"audit {entry.Id} ({entry.Action} by {entry.Actor}, {entry.At:yyyy-MM-dd HH:mm}Z)");
}
