using System.Globalization;
using System.Text.Json;
using BackgroundBot.Community;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Quizzes;
using BackgroundBot.Sessions;
using BackgroundBot.Storage;
using BackgroundBot.Transfer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackgroundBot.PostgreSql;

/// <summary>
/// The store on PostgreSQL, shared by every instance of the bot that names the same database. Every write is one
/// transaction holding a database-wide advisory lock, so writes are serialized across instances as LiteDB serializes
/// them in one process, and a knowledge change takes the next number of the change feed in commit order. Changes are
/// announced with NOTIFY; <see cref="PostgreSqlChangeListener"/> has every instance catch up on them by sequence number.
/// </summary>
public sealed class PostgreSqlStore : IKnowledgeStore, ICommunityStore, IModerationStore, ISessionStore, IQuizStore, IFaqStore, IUnitOfWork, IStoreChanges, IStoreSnapshots, IDisposable
{
    /// <summary>The NOTIFY channel of the change feed; the payload is the change's sequence number.</summary>
    internal const string Channel = "backgroundbot_changes";

    private const string SequenceKey = "change-sequence";

    // Arbitrary constants: the advisory lock every write holds until it commits.
    private const long WriteLock = 0x6262_7772_6974;

    private const int Attempts = 3;

    [ThreadStatic]
    private static bool _writing;

    private readonly NpgsqlDataSource _source;
    private readonly ILogger _logger;
    private readonly Lock _feedGate = new();
    private IReadOnlyList<Action<StoreChange>> _observers = [];
    private long _published;

    public PostgreSqlStore(IOptions<StoreOptions> options, ILogger<PostgreSqlStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Path = Describe(builder);
        _source = NpgsqlDataSource.Create(builder);
        try
        {
            try
            {
                PostgreSqlSchema.Migrate(_source, Path, logger);
                _published = Run(c => CurrentSequence(c));
            }
            catch (NpgsqlException ex)
            {
                throw new StoreUnavailableException($"Cannot open the PostgreSQL store {Path}: {ex.Message}", ex);
            }
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    /// <summary>The server and database, never the password.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public long Sequence => Interlocked.Read(ref _published);

    /// <summary>The server and database of a connection string, for messages (never the password).</summary>
    internal static string Describe(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}");

    public Article? FindArticle(int id) =>
        Run(c => Sql.Records<Article>(c, "SELECT id, body FROM articles WHERE id = @id", (a, i) => a with { Id = i }, ("id", id))).FirstOrDefault();

    public IReadOnlyList<Article> ListArticles(bool includeInactive = false) =>
        Run(c => Sql.Records<Article>(c, "SELECT id, body FROM articles WHERE @all OR status = 'Active' ORDER BY id", (a, i) => a with { Id = i }, ("all", includeInactive)));

    public Article? FindArticleByHash(string contentHash) =>
        Run(c => Sql.Records<Article>(c, "SELECT id, body FROM articles WHERE content_hash = @hash ORDER BY id DESC LIMIT 1", (a, i) => a with { Id = i }, ("hash", contentHash))).FirstOrDefault();

    public Article? FindActiveArticleByUrl(string url) =>
        Run(c => Sql.Records<Article>(c, "SELECT id, body FROM articles WHERE url = @url AND status = 'Active' ORDER BY id LIMIT 1", (a, i) => a with { Id = i }, ("url", url))).FirstOrDefault();

    public Passage? FindPassage(int id) => Run(c => PassageQueries.Find(c, id));

    public IReadOnlyList<Passage> PassagesOf(int articleId) =>
        Run(c => PassageQueries.List(c, "WHERE article_id = @article ORDER BY ordinal", ("article", articleId)));

    public IEnumerable<Passage> ActivePassages() => Run(c => PassageQueries.List(c, "WHERE NOT retired ORDER BY id"));

    public HashSet<int> ActivePassageIds() => Run(c => Sql.List(c, "SELECT id FROM passages WHERE NOT retired", r => r.GetInt32(0)).ToHashSet());

    public Fact? FindFact(int id) =>
        Run(c => Sql.Records<Fact>(c, "SELECT id, body FROM facts WHERE id = @id", (f, i) => f with { Id = i }, ("id", id))).FirstOrDefault();

    public Fact? FindFactByKey(string key) =>
        Run(c => Sql.Records<Fact>(c, "SELECT id, body FROM facts WHERE key = @key ORDER BY id LIMIT 1", (f, i) => f with { Id = i }, ("key", key))).FirstOrDefault();

    public IReadOnlyList<Fact> FactsInDispute(string dispute) =>
        Run(c => Sql.Records<Fact>(c, "SELECT id, body FROM facts WHERE dispute = @dispute AND status = 'Active' ORDER BY id", (f, i) => f with { Id = i }, ("dispute", dispute)));

    public SourceInfo DescribeSource(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (passage.FactId is { } factId)
        {
            var fact = FindFact(factId) ?? throw new InvalidOperationException($"Passage {passage.Id} holds fact {factId}, which is not in the store.");
            return new SourceInfo(fact.Source?.Title ?? $"Curated fact {fact.Id}", fact.Source?.Url, fact.Source?.Publisher, fact.Source?.Published, null, fact.Id);
        }

        var article = FindArticle(passage.ArticleId)
            ?? throw new InvalidOperationException($"Passage {passage.Id} belongs to article {passage.ArticleId}, which is not in the store.");
        return new SourceInfo(article.Title, article.Url, article.Publisher, article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article.Id, null);
    }

    public IReadOnlyList<AliasGroup> ListAliases() =>
        Run(c => Sql.Records<AliasGroup>(c, "SELECT id, body FROM aliases ORDER BY id", (a, i) => a with { Id = i }));

    public IReadOnlyList<Fact> ListFacts(bool includeRetracted = false) =>
        Run(c => Sql.Records<Fact>(c, "SELECT id, body FROM facts WHERE @all OR status = 'Active' ORDER BY id", (f, i) => f with { Id = i }, ("all", includeRetracted)));

    public int CountActiveFacts() => (int)Run(c => Sql.Scalar<long>(c, "SELECT count(*) FROM facts WHERE status = 'Active'"));

    public int CountActiveArticles() => (int)Run(c => Sql.Scalar<long>(c, "SELECT count(*) FROM articles WHERE status = 'Active'"));

    public string? OnlyActiveArticleTitle()
    {
        var titles = Run(c => Sql.List(c, "SELECT body->>'title' FROM articles WHERE status = 'Active' LIMIT 2", r => r.GetString(0)));
        return titles.Count == 1 ? titles[0] : null;
    }

    public IReadOnlyList<string> ActiveTopics() =>
        Run(c => Sql.List(c, "SELECT DISTINCT body->>'topic' FROM facts WHERE status = 'Active'", r => r.GetString(0)))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<AuditEntry> RecentAudit(int count) => Run(c => AuditQueries.List(c, "ORDER BY id DESC LIMIT @count", ("count", count)));

    public IReadOnlyList<AuditEntry> AllAudit() => Run(c => AuditQueries.List(c, "ORDER BY id"));

    public IReadOnlyList<AuditEntry> UndosOf(int auditId) => Run(c => AuditQueries.List(c, "WHERE undoes = @id ORDER BY id", ("id", auditId)));

    public AuditEntry? FindAudit(int id) => Run(c => AuditQueries.List(c, "WHERE id = @id", ("id", id))).FirstOrDefault();

    public IReadOnlyList<AuditEntry> AuditOf(string subject) => Run(c => AuditQueries.List(c, "WHERE subject = @subject ORDER BY id", ("subject", subject)));

    public IReadOnlyList<PassageEmbedding> EmbeddingsFor(string model) =>
        Run(c => Sql.List(
            c,
            "SELECT e.passage_id, e.model, e.vector FROM embeddings e JOIN passages p ON p.id = e.passage_id WHERE e.model = @model AND NOT p.retired ORDER BY e.passage_id",
            EmbeddingOf,
            ("model", model)));

    public IReadOnlyDictionary<string, int> EmbeddingModels() =>
        Run(c => Sql.List(c, "SELECT model, count(*) FROM embeddings GROUP BY model", r => (r.GetString(0), (int)r.GetInt64(1))))
            .ToDictionary(m => m.Item1, m => m.Item2);

    /// <summary>Every stored embedding, in passage order, a few thousand at a time, each batch one query.</summary>
    public IEnumerable<IReadOnlyList<PassageEmbedding>> EmbeddingBatches()
    {
        const int BatchSize = 4_096;
        var after = -1;
        while (true)
        {
            var from = after;
            var batch = Run(c => Sql.List(c, "SELECT passage_id, model, vector FROM embeddings WHERE passage_id > @after ORDER BY passage_id LIMIT @size", EmbeddingOf, ("after", from), ("size", BatchSize)));
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            after = batch[^1].Id;
        }
    }

    public bool GetFlag(string name) =>
        Run(c => Sql.List(c, "SELECT value FROM store_meta WHERE key = @key", r => JsonSerializer.Deserialize<bool>(r.GetString(0)), ("key", name))).FirstOrDefault();

    public AnswerRecord? FindAnswer(int id) =>
        Run(c => Sql.Records<AnswerRecord>(c, "SELECT id, body FROM answers WHERE id = @id", (a, i) => a with { Id = i }, ("id", id))).FirstOrDefault();

    public AnswerRecord? FindAnswerByThread(string threadId) =>
        Run(c => Sql.Records<AnswerRecord>(c, "SELECT id, body FROM answers WHERE thread_id = @thread ORDER BY id DESC LIMIT 1", (a, i) => a with { Id = i }, ("thread", threadId))).FirstOrDefault();

    public IReadOnlyList<AnswerRecord> AnswersSince(DateTimeOffset since) =>
        Run(c => Sql.Records<AnswerRecord>(c, "SELECT id, body FROM answers WHERE created_at >= @since", (a, i) => a with { Id = i }, ("since", since)))

            // The column keeps microseconds, the record ticks: the record decides at the edge.
            .Where(a => a.CreatedAt >= since).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();

    public IReadOnlyList<AnswerFeedback> FeedbackFor(int answerId) =>
        Run(c => Sql.Bodies<AnswerFeedback>(c, "SELECT body FROM feedback WHERE answer_id = @answer ORDER BY id", ("answer", answerId)));

    public Suggestion? FindSuggestion(int id) =>
        Run(c => Sql.Records<Suggestion>(c, "SELECT id, body FROM suggestions WHERE id = @id", (s, i) => s with { Id = i }, ("id", id))).FirstOrDefault();

    public IReadOnlyList<Suggestion> ListSuggestions(SuggestionStatus? status = null) =>
        Run(c => Sql.Records<Suggestion>(
            c, "SELECT id, body FROM suggestions WHERE @status::text IS NULL OR status = @status ORDER BY id", (s, i) => s with { Id = i }, ("status", status?.ToString())));

    public Gap? FindGap(int id) =>
        Run(c => Sql.Records<Gap>(c, "SELECT id, body FROM gaps WHERE id = @id", (g, i) => g with { Id = i }, ("id", id))).FirstOrDefault();

    public IReadOnlyList<Gap> ListGaps() =>
        Run(c => Sql.Records<Gap>(c, "SELECT id, body FROM gaps", (g, i) => g with { Id = i }))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAsked).ToList();

    public IReadOnlyList<string> PendingImportIds() =>
        Run(c => Sql.List(c, "SELECT id FROM pending_imports ORDER BY created_at, id", r => r.GetString(0)));

    public GuildSettings? FindGuildSettings(string guildId) =>
        Run(c => Sql.Bodies<GuildSettings>(c, "SELECT body FROM guild_settings WHERE id = @id", ("id", guildId))).FirstOrDefault();

    public Session? FindSession(int id) =>
        Run(c => Sql.Records<Session>(c, "SELECT id, body FROM sessions WHERE id = @id", (x, i) => x with { Id = i }, ("id", id))).FirstOrDefault();

    public Session? ActiveSessionIn(string channelId) =>
        Run(c => Sql.Records<Session>(
            c, "SELECT id, body FROM sessions WHERE channel_id = @channel AND status = 'Active' LIMIT 1", (x, i) => x with { Id = i }, ("channel", channelId))).FirstOrDefault();

    public IReadOnlyList<Session> ActiveSessions() =>
        Run(c => Sql.Records<Session>(c, "SELECT id, body FROM sessions WHERE status = 'Active' ORDER BY ends_at, id", (x, i) => x with { Id = i }));

    public IReadOnlyList<Session> ListSessions(string? channelId = null) =>
        Run(c => Sql.Records<Session>(
            c, "SELECT id, body FROM sessions WHERE @channel::text IS NULL OR channel_id = @channel ORDER BY id DESC", (x, i) => x with { Id = i }, ("channel", channelId)));

    public SessionQuestion? FindQuestion(int id) =>
        Run(c => Sql.Records<SessionQuestion>(c, "SELECT id, body FROM session_questions WHERE id = @id", (q, i) => q with { Id = i }, ("id", id))).FirstOrDefault();

    public IReadOnlyList<SessionQuestion> QuestionsOf(int sessionId) =>
        Run(c => Sql.Records<SessionQuestion>(c, "SELECT id, body FROM session_questions WHERE session_id = @session ORDER BY id", (q, i) => q with { Id = i }, ("session", sessionId)));

    public QuizRun? FindQuiz(int id) =>
        Run(c => Sql.Records<QuizRun>(c, "SELECT id, body FROM quizzes WHERE id = @id", (q, i) => q with { Id = i }, ("id", id))).FirstOrDefault();

    public QuizRun? RunningIn(ulong channelId) =>
        Run(c => Sql.Records<QuizRun>(
            c, "SELECT id, body FROM quizzes WHERE status = 'Running' AND channel_id = @channel ORDER BY id LIMIT 1", (q, i) => q with { Id = i }, ("channel", Sql.Snowflake(channelId))))
            .FirstOrDefault();

    public IReadOnlyList<QuizRun> Running() =>
        Run(c => Sql.Records<QuizRun>(c, "SELECT id, body FROM quizzes WHERE status = 'Running' ORDER BY id", (q, i) => q with { Id = i }));

    public IReadOnlyList<QuizRun> FinishedIn(ulong channelId, DateTimeOffset since) =>
        Run(c => Sql.Records<QuizRun>(
            c, "SELECT id, body FROM quizzes WHERE status = 'Finished' AND channel_id = @channel ORDER BY id", (q, i) => q with { Id = i }, ("channel", Sql.Snowflake(channelId))))
            .Where(q => q.StartedAt >= since).ToList();

    public IReadOnlyList<QuizAnswer> AnswersOf(int quizId) =>
        Run(c => Sql.Bodies<QuizAnswer>(c, "SELECT body FROM quiz_answers WHERE quiz_id = @quiz ORDER BY question, user_id", ("quiz", quizId)))
            .OrderBy(a => a.At).ToList();

    public IReadOnlyList<FaqCuration> ListFaqCurations() =>
        Run(c => Sql.Bodies<FaqCuration>(c, "SELECT body FROM faq_curations ORDER BY id COLLATE \"C\""));

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction holding the store's write lock. A knowledge change gets the next
    /// sequence number and a NOTIFY in the same transaction, and is published to this instance's observers after the
    /// commit, in order. A connection lost before the commit (PostgreSQL restarted, the connection killed) is retried
    /// on a new connection, so the write is not lost; one lost during the commit is reported, since it may have landed.
    /// </summary>
    public T Write<T>(Func<PostgreSqlWrite, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_writing)
        {
            throw new InvalidOperationException("A store transaction is already open on this thread.");
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        T result;
        StoreChange change;
        _writing = true;
        try
        {
            (result, change) = Commit(work);
        }
        finally
        {
            _writing = false;
        }

        StoreMetrics.WriteDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);

        // After the transaction, so an observer may write in turn (the semantic index stores the vectors of new passages).
        if (!change.IsEmpty)
        {
            Publish(change);
        }

        return result;
    }

    T IUnitOfWork.Write<T>(Func<IStoreTransaction, T> work) => Write(work);

    private (T Result, StoreChange Change) Commit<T>(Func<PostgreSqlWrite, T> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                using var connection = _source.OpenConnection();
                using var transaction = connection.BeginTransaction();
                Sql.Execute(connection, "SELECT pg_advisory_xact_lock(@lock)", ("lock", WriteLock));
                var write = new PostgreSqlWrite(connection);
                var result = work(write);
                var change = write.ToChange();
                if (!change.IsEmpty)
                {
                    change = change with { Sequence = NextSequence(connection) };
                    Sql.Execute(connection, "INSERT INTO store_changes (sequence, body) VALUES (@sequence, @body)", ("sequence", change.Sequence), ("body", Sql.Body(FeedEntry.Of(change))));
                    Sql.Execute(connection, "SELECT pg_notify(@channel, @payload)", ("channel", Channel), ("payload", change.Sequence.ToString(CultureInfo.InvariantCulture)));
                }

                committing = true;
                transaction.Commit();
                return (result, change);
            }
            catch (Exception ex) when (!committing && attempt < Attempts && IsLostConnection(ex))
            {
                Log.WriteRetried(_logger, attempt, ex);
                _source.Clear();
            }
        }
    }

    T IKnowledgeStore.Write<T>(Func<IKnowledgeWrites, T> work) => Write(work);

    T ICommunityStore.Write<T>(Func<ICommunityWrites, T> work) => Write(work);

    T IModerationStore.Write<T>(Func<IModerationWrites, T> work) => Write(work);

    T ISessionStore.Write<T>(Func<ISessionWrites, T> work) => Write(work);

    T IQuizStore.Write<T>(Func<IQuizWrites, T> work) => Write(work);

    T IFaqStore.Write<T>(Func<IFaqWrites, T> work) => Write(work);

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<StoreChange> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_feedGate)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    /// <summary>
    /// Publishes every change committed since the last one this instance published, by any instance, in sequence
    /// order: on a notification, after a reconnect, and now and then in case a notification was missed.
    /// </summary>
    /// <returns>How many changes were published.</returns>
    public int CatchUp()
    {
        lock (_feedGate)
        {
            var from = _published;
            var entries = Run(c => Sql.List(c, "SELECT sequence, body FROM store_changes WHERE sequence > @from ORDER BY sequence", r => (r.GetInt64(0), Sql.Read<FeedEntry>(r, 1)), ("from", from)));
            if (entries.Count == 0)
            {
                return 0;
            }

            var added = entries.SelectMany(e => e.Item2.Added).Distinct().ToArray();
            var passages = added.Length == 0 ? [] : Run(c => PassageQueries.List(c, "WHERE id = ANY(@ids)", ("ids", added))).ToDictionary(p => p.Id);
            foreach (var (sequence, entry) in entries)
            {
                PublishLocked(new StoreChange(
                    entry.Added.Where(passages.ContainsKey).Select(id => passages[id] with { Retired = false }).ToList(), entry.Retired, entry.Aliases, entry.Facts, sequence));
            }

            return entries.Count;
        }
    }

    /// <inheritdoc/>
    public StoreSnapshot ReadSnapshot() => Run(c =>
    {
        // One consistent view, whatever other instances write meanwhile.
        using var transaction = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        return ReadSnapshot(c);
    });

    /// <inheritdoc/>
    public bool IsEmpty() => Run(c => Sql.Scalar<bool>(c, """
        SELECT NOT (EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM facts) OR EXISTS (SELECT 1 FROM aliases) OR EXISTS (SELECT 1 FROM audit)
            OR EXISTS (SELECT 1 FROM gaps) OR EXISTS (SELECT 1 FROM suggestions) OR EXISTS (SELECT 1 FROM answers) OR EXISTS (SELECT 1 FROM feedback)
            OR EXISTS (SELECT 1 FROM guild_settings) OR EXISTS (SELECT 1 FROM pending_imports) OR EXISTS (SELECT 1 FROM passages)
            OR EXISTS (SELECT 1 FROM sessions) OR EXISTS (SELECT 1 FROM session_questions)
            OR EXISTS (SELECT 1 FROM quizzes) OR EXISTS (SELECT 1 FROM quiz_answers) OR EXISTS (SELECT 1 FROM faq_curations))
        """));

    /// <inheritdoc/>
    public void Restore(StoreSnapshot snapshot, Action<StoreSnapshot> verify)
    {
        ArgumentNullException.ThrowIfNull(verify);
        Write(write =>
        {
            write.Restore(snapshot);
            write.SetFlag(StoreSeeder.SeededFlag, true);

            // Read inside the transaction: a store that does not read back as the snapshot is rolled back whole.
            verify(ReadSnapshot(write.Connection));
            return 0;
        });
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Opens a connection for the listener of the feed.</summary>
    internal ValueTask<NpgsqlConnection> OpenListenerAsync(CancellationToken cancellationToken) => _source.OpenConnectionAsync(cancellationToken);

    /// <summary>Forgets pooled connections (after a lost connection, the others to the same server are likely lost too).</summary>
    internal void ClearPool() => _source.Clear();

    /// <summary>Runs a read on a pooled connection, again on a new one if the connection was lost (killed, or the server restarted).</summary>
    internal T Run<T>(Func<NpgsqlConnection, T> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = _source.OpenConnection();
                return read(connection);
            }
            catch (Exception ex) when (attempt < Attempts && IsLostConnection(ex))
            {
                Log.ReadRetried(_logger, attempt, ex);
                _source.Clear();
            }
        }
    }

    /// <summary>A connection that the server closed or that broke: worth one more try on a new connection.</summary>
    internal static bool IsLostConnection(Exception exception) => exception switch
    {
        // 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown, 57P03 cannot_connect_now, 08* connection exceptions.
        PostgresException pg => pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        InvalidOperationException { InnerException: { } inner } => IsLostConnection(inner),
        _ => false,
    };

    private static long CurrentSequence(NpgsqlConnection connection) =>
        Sql.List(connection, "SELECT (value #>> '{}')::bigint FROM store_meta WHERE key = @key", r => r.GetInt64(0), ("key", SequenceKey)).FirstOrDefault();

    private static long NextSequence(NpgsqlConnection connection) => Sql.Scalar<long>(connection, """
        INSERT INTO store_meta (key, value) VALUES (@key, '1'::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = to_jsonb((store_meta.value #>> '{}')::bigint + 1)
        RETURNING (value #>> '{}')::bigint
        """, ("key", SequenceKey));

    private static PassageEmbedding EmbeddingOf(NpgsqlDataReader r) =>
        new() { Id = r.GetInt32(0), Model = r.GetString(1), Vector = r.GetFieldValue<float[]>(2) };

    private static StoreSnapshot ReadSnapshot(NpgsqlConnection c) => new()
    {
        Format = StoreSnapshot.FormatName,
        Version = StoreSnapshot.CurrentVersion,
        SchemaVersion = StoreSnapshot.RecordSchema,
        Articles = Sql.Records<Article>(c, "SELECT id, body FROM articles ORDER BY id", (a, i) => a with { Id = i }),
        Passages = PassageQueries.List(c, "ORDER BY id"),
        Facts = Sql.Records<Fact>(c, "SELECT id, body FROM facts ORDER BY id", (f, i) => f with { Id = i }),
        Aliases = Sql.Records<AliasGroup>(c, "SELECT id, body FROM aliases ORDER BY id", (a, i) => a with { Id = i }),
        Audit = AuditQueries.List(c, "ORDER BY id"),
        Gaps = Sql.Records<Gap>(c, "SELECT id, body FROM gaps ORDER BY id", (g, i) => g with { Id = i }),
        ReviewQueue = Sql.Records<Suggestion>(c, "SELECT id, body FROM suggestions ORDER BY id", (s, i) => s with { Id = i }),
        Answers = Sql.Records<AnswerRecord>(c, "SELECT id, body FROM answers ORDER BY id", (a, i) => a with { Id = i }),
        Feedback = Sql.Bodies<AnswerFeedback>(c, "SELECT body FROM feedback ORDER BY id COLLATE \"C\""),
        ServerSettings = Sql.Bodies<GuildSettings>(c, "SELECT body FROM guild_settings ORDER BY id COLLATE \"C\""),
        PendingImports = Sql.Bodies<PendingImport>(c, "SELECT body FROM pending_imports ORDER BY id COLLATE \"C\""),
        Sessions = Sql.Records<Session>(c, "SELECT id, body FROM sessions ORDER BY id", (x, i) => x with { Id = i }),
        SessionQuestions = Sql.Records<SessionQuestion>(c, "SELECT id, body FROM session_questions ORDER BY id", (q, i) => q with { Id = i }),
        Quizzes = Sql.Records<QuizRun>(c, "SELECT id, body FROM quizzes ORDER BY id", (q, i) => q with { Id = i }),
        QuizAnswers = Sql.Bodies<QuizAnswer>(c, "SELECT body FROM quiz_answers ORDER BY quiz_id, question, user_id"),
        FaqCurations = Sql.Bodies<FaqCuration>(c, "SELECT body FROM faq_curations ORDER BY id COLLATE \"C\""),
    };

    private void Publish(StoreChange change)
    {
        try
        {
            lock (_feedGate)
            {
                if (change.Sequence == _published + 1)
                {
                    PublishLocked(change);
                    return;
                }
            }

            // Another instance committed changes this one has not published yet: they come first, from the store.
            CatchUp();
        }
        catch (Exception ex) when (IsLostConnection(ex))
        {
            // The write is committed; the listener publishes it once it reaches the store again.
            Log.CatchUpFailed(_logger, ex);
        }
    }

    private void PublishLocked(StoreChange change)
    {
        if (change.Sequence <= _published)
        {
            return;
        }

        Interlocked.Exchange(ref _published, change.Sequence);
        foreach (var observer in _observers)
        {
            try
            {
                observer(change);
            }
            catch (Exception ex)
            {
                // The change is committed: one failing observer must not keep it from the others.
                Log.ChangeObserverFailed(_logger, change.Sequence, ex);
            }
        }
    }

    /// <summary>A change as the feed table keeps it: passage ids only (the passages are read from their table).</summary>
    private sealed record FeedEntry(int[] Added, int[] Retired, bool Aliases, bool Facts)
    {
        public static FeedEntry Of(StoreChange change) =>
            new([.. change.PassagesAdded.Select(p => p.Id)], [.. change.PassagesRetired], change.AliasesChanged, change.FactsChanged);
    }

    private sealed class Subscription(PostgreSqlStore store, Action<StoreChange> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (store._feedGate)
                {
                    var items = store._observers.ToList();
                    items.Remove(observer);
                    store._observers = items;
                }
            }
        }
    }
}
