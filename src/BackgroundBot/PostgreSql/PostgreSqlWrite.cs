using BackgroundBot.Community;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Quizzes;
using BackgroundBot.Sessions;
using Npgsql;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace BackgroundBot.PostgreSql;

/// <summary>
/// The writes of every feature inside one <see cref="PostgreSqlStore.Write{T}"/> transaction, on its connection; each
/// curation change is audited by the caller.
/// </summary>
public sealed class PostgreSqlWrite : IKnowledgeWrites, ICommunityWrites, IModerationWrites, ISessionWrites, IQuizWrites, IFaqWrites
{
    private readonly List<Passage> _added = [];
    private readonly List<int> _retired = [];
    private bool _aliasesChanged;
    private bool _factsChanged;

    internal PostgreSqlWrite(NpgsqlConnection connection) => Connection = connection;

    internal NpgsqlConnection Connection { get; }

    public TWrites Writes<TWrites>()
        where TWrites : class =>
        this as TWrites ?? throw new NotSupportedException($"The PostgreSQL store has no {typeof(TWrites).Name}.");

    public Article InsertArticle(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var id = Sql.Scalar<int>(
            Connection, "INSERT INTO articles (content_hash, url, status, body) VALUES (@hash, @url, @status, @body) RETURNING id",
            ("hash", article.ContentHash), ("url", article.Url), ("status", article.Status.ToString()), ("body", Sql.Body(article with { Id = 0 })));
        return article with { Id = id };
    }

    public void UpdateArticle(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Sql.Execute(
            Connection, "UPDATE articles SET content_hash = @hash, url = @url, status = @status, body = @body WHERE id = @id",
            ("id", article.Id), ("hash", article.ContentHash), ("url", article.Url), ("status", article.Status.ToString()), ("body", Sql.Body(article)));
    }

    public Passage InsertPassage(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var stored = passage with { Id = PassageQueries.Insert(Connection, passage, withId: false) };
        _added.Add(stored);
        return stored;
    }

    public int RetirePassagesOf(int articleId)
    {
        var ids = Sql.List(Connection, "UPDATE passages SET retired = true WHERE article_id = @article AND NOT retired RETURNING id", r => r.GetInt32(0), ("article", articleId));
        _retired.AddRange(ids.Order());
        return ids.Count;
    }

    public int RestorePassagesOf(int articleId)
    {
        var ids = Sql.List(Connection, "UPDATE passages SET retired = false WHERE article_id = @article AND retired RETURNING id", r => r.GetInt32(0), ("article", articleId));
        if (ids.Count > 0)
        {
            _added.AddRange(PassageQueries.List(Connection, "WHERE id = ANY(@ids) ORDER BY id", ("ids", ids.ToArray())));
        }

        return ids.Count;
    }

    public void RetirePassage(int passageId)
    {
        if (Sql.Execute(Connection, "UPDATE passages SET retired = true WHERE id = @id AND NOT retired", ("id", passageId)) > 0)
        {
            _retired.Add(passageId);
        }
    }

    public AliasGroup InsertAlias(AliasGroup alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var id = Sql.Scalar<int>(Connection, "INSERT INTO aliases (body) VALUES (@body) RETURNING id", ("body", Sql.Body(alias with { Id = 0 })));
        _aliasesChanged = true;
        return alias with { Id = id };
    }

    public void UpdateAlias(AliasGroup alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        Sql.Execute(Connection, "UPDATE aliases SET body = @body WHERE id = @id", ("id", alias.Id), ("body", Sql.Body(alias)));
        _aliasesChanged = true;
    }

    public void RestoreAlias(AliasGroup alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        Sql.Execute(Connection, "INSERT INTO aliases (id, body) VALUES (@id, @body) ON CONFLICT (id) DO UPDATE SET body = excluded.body", ("id", alias.Id), ("body", Sql.Body(alias)));
        _aliasesChanged = true;
    }

    public void DeleteAlias(int id)
    {
        Sql.Execute(Connection, "DELETE FROM aliases WHERE id = @id", ("id", id));
        _aliasesChanged = true;
    }

    public Fact InsertFact(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var id = Sql.Scalar<int>(
            Connection, "INSERT INTO facts (key, dispute, status, body) VALUES (@key, @dispute, @status, @body) RETURNING id",
            ("key", fact.Key), ("dispute", fact.Dispute), ("status", fact.Status.ToString()), ("body", Sql.Body(fact with { Id = 0 })));
        _factsChanged = true;
        return fact with { Id = id };
    }

    public Fact InsertFactWithPassage(Fact fact) => FactStatements.Insert(this, fact);

    public Fact UpdateFactWithPassage(Fact fact) => FactStatements.Update(this, fact);

    public void UpdateFact(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        Sql.Execute(
            Connection, "UPDATE facts SET key = @key, dispute = @dispute, status = @status, body = @body WHERE id = @id",
            ("id", fact.Id), ("key", fact.Key), ("dispute", fact.Dispute), ("status", fact.Status.ToString()), ("body", Sql.Body(fact)));
        _factsChanged = true;
    }

    public void PutEmbeddings(IEnumerable<PassageEmbedding> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        foreach (var embedding in embeddings)
        {
            Sql.Execute(
                Connection,
                "INSERT INTO embeddings (passage_id, model, vector) VALUES (@id, @model, @vector) ON CONFLICT (passage_id) DO UPDATE SET model = excluded.model, vector = excluded.vector",
                ("id", embedding.Id), ("model", embedding.Model), ("vector", embedding.Vector));
        }
    }

    public int ClearEmbeddings() => Sql.Execute(Connection, "DELETE FROM embeddings");

    public void SetFlag(string name, bool value) =>
        Sql.Execute(Connection, "INSERT INTO store_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("key", name), ("value", Sql.Body(value)));

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
        return entry with { Id = AuditQueries.Insert(Connection, entry, withId: false) };
    }

    public AnswerRecord InsertAnswer(AnswerRecord answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var id = Sql.Scalar<int>(
            Connection, "INSERT INTO answers (thread_id, created_at, body) VALUES (@thread, @at, @body) RETURNING id",
            ("thread", answer.ThreadId), ("at", answer.CreatedAt), ("body", Sql.Body(answer with { Id = 0 })));
        return answer with { Id = id };
    }

    public void UpdateAnswer(AnswerRecord answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Sql.Execute(
            Connection, "UPDATE answers SET thread_id = @thread, created_at = @at, body = @body WHERE id = @id",
            ("id", answer.Id), ("thread", answer.ThreadId), ("at", answer.CreatedAt), ("body", Sql.Body(answer)));
    }

    public void PutFeedback(AnswerFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        Sql.Execute(
            Connection, "INSERT INTO feedback (id, answer_id, body) VALUES (@id, @answer, @body) ON CONFLICT (id) DO UPDATE SET answer_id = excluded.answer_id, body = excluded.body",
            ("id", feedback.Id), ("answer", feedback.AnswerId), ("body", Sql.Body(feedback)));
    }

    public Suggestion PutSuggestion(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        if (suggestion.Id == 0)
        {
            var id = Sql.Scalar<int>(Connection, "INSERT INTO suggestions (status, body) VALUES (@status, @body) RETURNING id", ("status", suggestion.Status.ToString()), ("body", Sql.Body(suggestion)));
            return suggestion with { Id = id };
        }

        Sql.Execute(Connection, "UPDATE suggestions SET status = @status, body = @body WHERE id = @id", ("id", suggestion.Id), ("status", suggestion.Status.ToString()), ("body", Sql.Body(suggestion)));
        return suggestion;
    }

    public void PutPendingImport(PendingImport pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        Sql.Execute(
            Connection, "INSERT INTO pending_imports (id, created_at, body) VALUES (@id, @at, @body) ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, body = excluded.body",
            ("id", pending.Id), ("at", pending.CreatedAt), ("body", Sql.Body(pending)));
    }

    public PendingImport? TakePendingImport(string id) =>
        Sql.Bodies<PendingImport>(Connection, "DELETE FROM pending_imports WHERE id = @id RETURNING body", ("id", id)).FirstOrDefault();

    public int PurgePendingImports(DateTimeOffset cutoff) =>
        Sql.Execute(Connection, "DELETE FROM pending_imports WHERE created_at < @cutoff", ("cutoff", cutoff));

    public Gap PutGap(Gap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        if (gap.Id == 0)
        {
            return gap with { Id = Sql.Scalar<int>(Connection, "INSERT INTO gaps (body) VALUES (@body) RETURNING id", ("body", Sql.Body(gap))) };
        }

        Sql.Execute(Connection, "UPDATE gaps SET body = @body WHERE id = @id", ("id", gap.Id), ("body", Sql.Body(gap)));
        return gap;
    }

    public void PutGuildSettings(GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IsEmpty())
        {
            Sql.Execute(Connection, "DELETE FROM guild_settings WHERE id = @id", ("id", settings.Id));
            return;
        }

        Sql.Execute(Connection, "INSERT INTO guild_settings (id, body) VALUES (@id, @body) ON CONFLICT (id) DO UPDATE SET body = excluded.body", ("id", settings.Id), ("body", Sql.Body(settings)));
    }

    /// <summary>Stores a new active session, or returns null when its channel has one (writes are serialized, and a unique index backs it).</summary>
    public Session? TryStartSession(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Sql.Scalar<bool>(Connection, "SELECT EXISTS (SELECT 1 FROM sessions WHERE channel_id = @channel AND status = 'Active')", ("channel", session.ChannelId)))
        {
            return null;
        }

        var started = session with { Id = 0, Status = SessionStatus.Active };
        return started with { Id = InsertSession(started, withId: false) };
    }

    public void UpdateSession(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Sql.Execute(
            Connection, "UPDATE sessions SET channel_id = @channel, status = @status, ends_at = @ends, body = @body WHERE id = @id",
            ("id", session.Id), ("channel", session.ChannelId), ("status", session.Status.ToString()), ("ends", session.EndsAt), ("body", Sql.Body(session with { Id = 0 })));
    }

    public SessionQuestion PutQuestion(SessionQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Id == 0)
        {
            return question with
            {
                Id = Sql.Scalar<int>(
                    Connection, "INSERT INTO session_questions (session_id, body) VALUES (@session, @body) RETURNING id", ("session", question.SessionId), ("body", Sql.Body(question))),
            };
        }

        Sql.Execute(
            Connection, "UPDATE session_questions SET session_id = @session, body = @body WHERE id = @id",
            ("id", question.Id), ("session", question.SessionId), ("body", Sql.Body(question with { Id = 0 })));
        return question;
    }

    public QuizRun InsertQuiz(QuizRun quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var id = Sql.Scalar<int>(
            Connection, "INSERT INTO quizzes (channel_id, status, body) VALUES (@channel, @status, @body) RETURNING id",
            ("channel", Sql.Snowflake(quiz.ChannelId)), ("status", quiz.Status.ToString()), ("body", Sql.Body(quiz with { Id = 0 })));
        return quiz with { Id = id };
    }

    public void UpdateQuiz(QuizRun quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        Sql.Execute(
            Connection, "UPDATE quizzes SET channel_id = @channel, status = @status, body = @body WHERE id = @id",
            ("id", quiz.Id), ("channel", Sql.Snowflake(quiz.ChannelId)), ("status", quiz.Status.ToString()), ("body", Sql.Body(quiz)));
    }

    // The key (quiz, question, member) decides: of two presses at once, on this instance or another, one row is stored,
    // and the other press is told it already answered.
    public bool TryAddAnswer(QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Sql.Execute(
            Connection,
            "INSERT INTO quiz_answers (quiz_id, question, user_id, body) VALUES (@quiz, @question, @user, @body) ON CONFLICT (quiz_id, question, user_id) DO NOTHING",
            ("quiz", answer.QuizId), ("question", answer.Question), ("user", Sql.Snowflake(answer.UserId)), ("body", Sql.Body(answer))) == 1;
    }

    public void PutFaqCuration(FaqCuration curation)
    {
        ArgumentNullException.ThrowIfNull(curation);
        Sql.Execute(
            Connection, "INSERT INTO faq_curations (id, body) VALUES (@id, @body) ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            ("id", curation.Id), ("body", Sql.Body(curation)));
    }

    /// <summary>Writes an exported snapshot as it is, ids included (into an empty store), and moves each id counter past it.</summary>
    internal void Restore(Transfer.StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var a in snapshot.Articles ?? [])
        {
            Sql.Execute(Connection, "INSERT INTO articles (id, content_hash, url, status, body) VALUES (@id, @hash, @url, @status, @body)",
                ("id", a.Id), ("hash", a.ContentHash), ("url", a.Url), ("status", a.Status.ToString()), ("body", Sql.Body(a)));
        }

        foreach (var p in snapshot.Passages ?? [])
        {
            PassageQueries.Insert(Connection, p, withId: true);
        }

        foreach (var f in snapshot.Facts ?? [])
        {
            Sql.Execute(Connection, "INSERT INTO facts (id, key, dispute, status, body) VALUES (@id, @key, @dispute, @status, @body)",
                ("id", f.Id), ("key", f.Key), ("dispute", f.Dispute), ("status", f.Status.ToString()), ("body", Sql.Body(f)));
        }

        foreach (var a in snapshot.Aliases ?? [])
        {
            Sql.Execute(Connection, "INSERT INTO aliases (id, body) VALUES (@id, @body)", ("id", a.Id), ("body", Sql.Body(a)));
        }

        foreach (var entry in snapshot.Audit ?? [])
        {
            AuditQueries.Insert(Connection, entry, withId: true);
        }

        foreach (var g in snapshot.Gaps ?? [])
        {
            Sql.Execute(Connection, "INSERT INTO gaps (id, body) VALUES (@id, @body)", ("id", g.Id), ("body", Sql.Body(g)));
        }

        foreach (var s in snapshot.ReviewQueue ?? [])
        {
            Sql.Execute(Connection, "INSERT INTO suggestions (id, status, body) VALUES (@id, @status, @body)", ("id", s.Id), ("status", s.Status.ToString()), ("body", Sql.Body(s)));
        }

        foreach (var a in snapshot.Answers ?? [])
        {
            Sql.Execute(
                Connection, "INSERT INTO answers (id, thread_id, created_at, body) VALUES (@id, @thread, @at, @body)",
                ("id", a.Id), ("thread", a.ThreadId), ("at", a.CreatedAt), ("body", Sql.Body(a)));
        }

        (snapshot.Feedback ?? []).ToList().ForEach(PutFeedback);
        (snapshot.ServerSettings ?? []).ToList().ForEach(PutGuildSettings);
        (snapshot.PendingImports ?? []).ToList().ForEach(PutPendingImport);
        foreach (var x in snapshot.Sessions ?? [])
        {
            InsertSession(x, withId: true);
        }

        foreach (var q in snapshot.SessionQuestions ?? [])
        {
            Sql.Execute(Connection, "INSERT INTO session_questions (id, session_id, body) VALUES (@id, @session, @body)", ("id", q.Id), ("session", q.SessionId), ("body", Sql.Body(q)));
        }

        foreach (var q in snapshot.Quizzes ?? [])
        {
            Sql.Execute(Connection, "INSERT INTO quizzes (id, channel_id, status, body) VALUES (@id, @channel, @status, @body)",
                ("id", q.Id), ("channel", Sql.Snowflake(q.ChannelId)), ("status", q.Status.ToString()), ("body", Sql.Body(q)));
        }

        foreach (var answer in snapshot.QuizAnswers ?? [])
        {
            TryAddAnswer(answer);
        }

        (snapshot.FaqCurations ?? []).ToList().ForEach(PutFaqCuration);

        // Rows inserted with their ids leave the identity counters behind; the next insert must not reuse an id.
        foreach (var table in (string[])["articles", "passages", "facts", "aliases", "audit", "gaps", "suggestions", "answers", "sessions", "session_questions", "quizzes"])
        {
            Sql.Execute(Connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)");
        }

        _added.AddRange((snapshot.Passages ?? []).Where(p => !p.Retired));
        _aliasesChanged = true;
        _factsChanged = true;
    }

    private int InsertSession(Session session, bool withId) => Sql.Scalar<int>(
        Connection,
        withId
            ? "INSERT INTO sessions (id, channel_id, status, ends_at, body) VALUES (@id, @channel, @status, @ends, @body) RETURNING id"
            : "INSERT INTO sessions (channel_id, status, ends_at, body) VALUES (@channel, @status, @ends, @body) RETURNING id",
        ("id", session.Id), ("channel", session.ChannelId), ("status", session.Status.ToString()), ("ends", session.EndsAt), ("body", Sql.Body(session with { Id = 0 })));

    internal StoreChange ToChange() => new(_added.ToList(), _retired.ToList(), _aliasesChanged, _factsChanged);
}
