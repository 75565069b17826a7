using BackgroundBot.Community;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Quizzes;
using BackgroundBot.Sessions;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace BackgroundBot.LiteDb;

/// <summary>
/// The writes of every feature inside one <see cref="LiteDbStore.Write{T}"/> transaction; each curation change is
/// audited by the caller.
/// </summary>
public sealed class LiteDbWrite : IKnowledgeWrites, ICommunityWrites, IModerationWrites, ISessionWrites, IQuizWrites, IFaqWrites
{
    private readonly LiteDbStore _store;
    private readonly List<Passage> _added = [];
    private readonly List<int> _retired = [];
    private bool _aliasesChanged;
    private bool _factsChanged;

    internal LiteDbWrite(LiteDbStore store) => _store = store;

    public TWrites Writes<TWrites>()
        where TWrites : class =>
        this as TWrites ?? throw new NotSupportedException($"The LiteDB store has no {typeof(TWrites).Name}.");

    public Article InsertArticle(Article article)
    {
        var id = _store.Articles.Insert(article with { Id = 0 });
        return article with { Id = id.AsInt32 };
    }

    public void UpdateArticle(Article article) => _store.Articles.Update(article);

    public Passage InsertPassage(Passage passage)
    {
        var id = _store.Passages.Insert(passage with { Id = 0 });
        var stored = passage with { Id = id.AsInt32 };
        _added.Add(stored);
        return stored;
    }

    /// <summary>Retires every live passage of an article, so none of them is ever cited again.</summary>
    public int RetirePassagesOf(int articleId)
    {
        var live = _store.Passages.Find(p => p.ArticleId == articleId && !p.Retired).ToList();
        foreach (var passage in live)
        {
            _store.Passages.Update(passage with { Retired = true });
            _retired.Add(passage.Id);
        }

        return live.Count;
    }

    /// <summary>Brings back the retired passages of a restored article (an undone removal).</summary>
    public int RestorePassagesOf(int articleId)
    {
        var retired = _store.Passages.Find(p => p.ArticleId == articleId && p.Retired).ToList();
        foreach (var passage in retired)
        {
            var live = passage with { Retired = false };
            _store.Passages.Update(live);
            _added.Add(live);
        }

        return retired.Count;
    }

    public void DeleteAlias(int id)
    {
        _store.Aliases.Delete(id);
        _aliasesChanged = true;
    }

    public AliasGroup InsertAlias(AliasGroup alias)
    {
        var id = _store.Aliases.Insert(alias with { Id = 0 });
        _aliasesChanged = true;
        return alias with { Id = id.AsInt32 };
    }

    /// <summary>Puts an alias group back under its own id (an undone removal).</summary>
    public void RestoreAlias(AliasGroup alias)
    {
        _store.Aliases.Upsert(alias);
        _aliasesChanged = true;
    }

    public void UpdateAlias(AliasGroup alias)
    {
        _store.Aliases.Update(alias);
        _aliasesChanged = true;
    }

    public Fact InsertFact(Fact fact)
    {
        var id = _store.Facts.Insert(fact with { Id = 0 });
        _factsChanged = true;
        return fact with { Id = id.AsInt32 };
    }

    /// <summary>Stores a fact with a passage holding its statement, so it is retrieved and cited like article text.</summary>
    public Fact InsertFactWithPassage(Fact fact) => FactStatements.Insert(this, fact);

    /// <summary>
    /// Saves a changed fact: its old statement passage is retired and, while the fact is active, a new one holds the
    /// current statement, so the index never serves an old wording or a retracted fact.
    /// </summary>
    public Fact UpdateFactWithPassage(Fact fact) => FactStatements.Update(this, fact);

    /// <summary>Retires one passage (a retracted or edited fact's statement); it is never cited again.</summary>
    public void RetirePassage(int passageId)
    {
        if (_store.Passages.FindById(passageId) is { Retired: false } passage)
        {
            _store.Passages.Update(passage with { Retired = true });
            _retired.Add(passageId);
        }
    }

    public void UpdateFact(Fact fact)
    {
        _store.Facts.Update(fact);
        _factsChanged = true;
    }

    /// <summary>Stores (or replaces) passage embeddings; not audited, since they are derived data a command can recompute.</summary>
    public void PutEmbeddings(IEnumerable<PassageEmbedding> embeddings) => _store.Embeddings.Upsert(embeddings);

    /// <summary>Deletes every stored embedding, of any model.</summary>
    public int ClearEmbeddings() => _store.Embeddings.DeleteAll();

    public Suggestion PutSuggestion(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        if (suggestion.Id == 0)
        {
            return suggestion with { Id = _store.Suggestions.Insert(suggestion).AsInt32 };
        }

        _store.Suggestions.Update(suggestion);
        return suggestion;
    }

    public AnswerRecord InsertAnswer(AnswerRecord answer) =>
        answer with { Id = _store.Answers.Insert(answer with { Id = 0 }).AsInt32 };

    public void UpdateAnswer(AnswerRecord answer) => _store.Answers.Update(answer);

    public void PutPendingImport(PendingImport pending) => _store.PendingImports.Upsert(pending);

    /// <summary>Removes and returns a pending import, so Confirm and Cancel each act once.</summary>
    public PendingImport? TakePendingImport(string id)
    {
        var pending = _store.PendingImports.FindById(id);
        if (pending is not null)
        {
            _store.PendingImports.Delete(id);
        }

        return pending;
    }

    /// <summary>Deletes the pending imports created before <paramref name="cutoff"/> (expired previews); returns how many.</summary>
    public int PurgePendingImports(DateTimeOffset cutoff)
    {
        // Only ids and times are read: each pending import holds its whole upload.
        var expired = _store.PendingImports.Query().Select(p => new { p.Id, p.CreatedAt }).ToList()
            .Where(p => p.CreatedAt < cutoff).Select(p => p.Id).ToList();
        expired.ForEach(id => _store.PendingImports.Delete(id));
        return expired.Count;
    }

    /// <summary>Records a member's vote, replacing their earlier one on the same answer.</summary>
    public void PutFeedback(AnswerFeedback feedback) => _store.Feedback.Upsert(feedback);

    public void PutFaqCuration(FaqCuration curation) => _store.FaqCurations.Upsert(curation);

    public QuizRun InsertQuiz(QuizRun quiz) => quiz with { Id = _store.Quizzes.Insert(quiz with { Id = 0 }).AsInt32 };

    public void UpdateQuiz(QuizRun quiz) => _store.Quizzes.Update(quiz);

    // Inside the store's one write transaction, so two presses at once cannot both be first.
    public bool TryAddAnswer(QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (_store.QuizAnswers.FindById(answer.Id) is not null)
        {
            return false;
        }

        _store.QuizAnswers.Insert(answer);
        return true;
    }

    /// <summary>Stores a new or updated gap; not audited, since it records questions, not curation.</summary>
    public Gap PutGap(Gap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        if (gap.Id == 0)
        {
            return gap with { Id = _store.Gaps.Insert(gap).AsInt32 };
        }

        _store.Gaps.Update(gap);
        return gap;
    }

    public void PutGuildSettings(GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IsEmpty())
        {
            _store.GuildSettings.Delete(settings.Id);
            return;
        }

        _store.GuildSettings.Upsert(settings);
    }

    /// <summary>Stores a new active session, or returns null when its channel has one (read under the write gate, so two starts get one session).</summary>
    public Session? TryStartSession(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_store.ActiveSessionIn(session.ChannelId) is not null)
        {
            return null;
        }

        var started = session with { Id = 0, Status = SessionStatus.Active };
        return started with { Id = _store.Sessions.Insert(started).AsInt32 };
    }

    public void UpdateSession(Session session) => _store.Sessions.Update(session);

    public SessionQuestion PutQuestion(SessionQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Id == 0)
        {
            return question with { Id = _store.SessionQuestions.Insert(question).AsInt32 };
        }

        _store.SessionQuestions.Update(question);
        return question;
    }

    /// <summary>Writes an exported snapshot as it is, ids included (import into an empty store).</summary>
    internal void Restore(Transfer.StoreSnapshot snapshot)
    {
        _store.Articles.InsertBulk(snapshot.Articles ?? []);
        _store.Passages.InsertBulk(snapshot.Passages ?? []);
        _store.Facts.InsertBulk(snapshot.Facts ?? []);
        _store.Aliases.InsertBulk(snapshot.Aliases ?? []);
        _store.Audit.InsertBulk(snapshot.Audit ?? []);
        _store.Gaps.InsertBulk(snapshot.Gaps ?? []);
        _store.Suggestions.InsertBulk(snapshot.ReviewQueue ?? []);
        _store.Answers.InsertBulk(snapshot.Answers ?? []);
        _store.Feedback.InsertBulk(snapshot.Feedback ?? []);
        _store.GuildSettings.InsertBulk(snapshot.ServerSettings ?? []);
        _store.PendingImports.InsertBulk(snapshot.PendingImports ?? []);
        _store.Sessions.InsertBulk(snapshot.Sessions ?? []);
        _store.SessionQuestions.InsertBulk(snapshot.SessionQuestions ?? []);
        _store.Quizzes.InsertBulk(snapshot.Quizzes ?? []);
        _store.QuizAnswers.InsertBulk(snapshot.QuizAnswers ?? []);
        _store.FaqCurations.InsertBulk(snapshot.FaqCurations ?? []);
        _added.AddRange((snapshot.Passages ?? []).Where(p => !p.Retired));
        _aliasesChanged = true;
        _factsChanged = true;
    }

    public void SetFlag(string name, bool value) =>
        _store.Meta.Upsert(new BsonDocument { ["_id"] = name, ["value"] = value });

    public AuditEntry Audit(DateTimeOffset at, string actor, string action, string subject, object? before, object? after, int? undoes = null)
    {
        var entry = new AuditEntry
        {
            At = at,
            Actor = actor,
            Action = action,
            Subject = subject,
            Before = before is null ? null : JsonSerializer.Serialize(before, AuditJson.Options),
            After = after is null ? null : JsonSerializer.Serialize(after, AuditJson.Options),
            Undoes = undoes,
        };
        var id = _store.Audit.Insert(entry);
        return entry with { Id = id.AsInt32 };
    }

    internal StoreChange ToChange() => new(_added.ToList(), _retired.ToList(), _aliasesChanged, _factsChanged);
}
