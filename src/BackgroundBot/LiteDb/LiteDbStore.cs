using System.Globalization;
using BackgroundBot.Community;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Quizzes;
using BackgroundBot.Sessions;
using BackgroundBot.Storage;
using BackgroundBot.Transfer;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.LiteDb;

/// <summary>
/// The store on LiteDB: one file holding every feature's records (Knowledge's articles, passages, facts, aliases
/// and audit; Community's answers and feedback; Moderation's review queue, pending imports, gaps and server settings;
/// Sessions' sessions and their questions). Every write
/// goes through <see cref="Write{T}"/>, one transaction that commits whole or not at all, whichever features it touches.
/// </summary>
public sealed class LiteDbStore : IKnowledgeStore, ICommunityStore, IModerationStore, ISessionStore, IQuizStore, IFaqStore, IUnitOfWork, IStoreChanges, IStoreSnapshots, IDisposable
{
    private const string SequenceKey = "change-sequence";

    /// <summary>The schema this code reads and writes; stored in the file (LiteDB's user version).</summary>
    public const int SchemaVersion = 1;

    private readonly LiteDatabase _db;
    private readonly StoreLock _lock;
    private readonly Lock _writeGate = new();
    private readonly ILogger _logger;
    private ImmutableObserverList _observers = ImmutableObserverList.Empty;
    private long _sequence;

    public LiteDbStore(IOptions<StoreOptions> options, ILogger<LiteDbStore> logger, TimeProvider time, StoreHolder? holder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var path = System.IO.Path.GetFullPath(options.Value.Path);
        Path = path;

        // A file that plainly is not a store, and was never opened as one, is refused before anything is created beside it.
        if (Directory.Exists(path)
            || (File.Exists(path) && !File.Exists(StoreLock.LockPathOf(path)) && new FileInfo(path).Length > 0 && !StoreFile.HasSignature(path)))
        {
            throw new StoreUnavailableException(StoreFile.Problem(path)!);
        }

        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Only the holder of the lock reads or writes the store's files; anyone else is refused before touching them.
        _lock = StoreLock.Acquire(path, holder?.Verb ?? "BackgroundBot", time);
        try
        {
            if (StoreFile.Problem(path) is { } problem)
            {
                throw new StoreUnavailableException(problem);
            }

            try
            {
                _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
            }
            catch (Exception ex) when (ex is LiteException or IOException)
            {
                throw new StoreUnavailableException($"Cannot open the fact store at {path}: {ex.Message}", ex);
            }

            try
            {
                Migrate(logger);
                Articles.EnsureIndex(a => a.ContentHash);
                Articles.EnsureIndex(a => a.Url);
                Passages.EnsureIndex(p => p.ArticleId);
                Facts.EnsureIndex(f => f.Key);
                Facts.EnsureIndex(f => f.Dispute);
                Audit.EnsureIndex(a => a.Subject);
                Audit.EnsureIndex(a => a.Undoes);

                // Every /ask looks up whether its channel is a follow-up thread; without the index that is a scan of every answer ever given.
                Answers.EnsureIndex(a => a.ThreadId);

                // Every /ask looks up whether its channel has a session running, and a session's questions are read together.
                Sessions.EnsureIndex(x => x.ChannelId);
                SessionQuestions.EnsureIndex(q => q.SessionId);
                _sequence = Meta.FindById(SequenceKey)?["value"].AsInt64 ?? 0;
            }
            catch
            {
                _db.Dispose();
                throw;
            }
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <inheritdoc/>
    public long Sequence => Interlocked.Read(ref _sequence);

    internal ILiteCollection<Article> Articles => _db.GetCollection<Article>("articles");
    internal ILiteCollection<Passage> Passages => _db.GetCollection<Passage>("passages");
    internal ILiteCollection<Fact> Facts => _db.GetCollection<Fact>("facts");
    internal ILiteCollection<AliasGroup> Aliases => _db.GetCollection<AliasGroup>("aliases");
    internal ILiteCollection<AuditEntry> Audit => _db.GetCollection<AuditEntry>("audit");
    internal ILiteCollection<BsonDocument> Meta => _db.GetCollection("meta");
    internal ILiteCollection<Gap> Gaps => _db.GetCollection<Gap>("gaps");
    internal ILiteCollection<PendingImport> PendingImports => _db.GetCollection<PendingImport>("pending_imports");
    internal ILiteCollection<AnswerRecord> Answers => _db.GetCollection<AnswerRecord>("answers");
    internal ILiteCollection<AnswerFeedback> Feedback => _db.GetCollection<AnswerFeedback>("feedback");
    internal ILiteCollection<Suggestion> Suggestions => _db.GetCollection<Suggestion>("suggestions");
    internal ILiteCollection<PassageEmbedding> Embeddings => _db.GetCollection<PassageEmbedding>("embeddings");
    internal ILiteCollection<GuildSettings> GuildSettings => _db.GetCollection<GuildSettings>("guild_settings");
    internal ILiteCollection<Session> Sessions => _db.GetCollection<Session>("sessions");
    internal ILiteCollection<SessionQuestion> SessionQuestions => _db.GetCollection<SessionQuestion>("session_questions");
    internal ILiteCollection<FaqCuration> FaqCurations => _db.GetCollection<FaqCuration>("faq_curations");
    internal ILiteCollection<QuizRun> Quizzes => _db.GetCollection<QuizRun>("quizzes");
    internal ILiteCollection<QuizAnswer> QuizAnswers => _db.GetCollection<QuizAnswer>("quiz_answers");

    public QuizRun? FindQuiz(int id) => Quizzes.FindById(id);

    public QuizRun? RunningIn(ulong channelId) =>
        Quizzes.Find(q => q.Status == QuizStatus.Running).FirstOrDefault(q => q.ChannelId == channelId);

    public IReadOnlyList<QuizRun> Running() => Quizzes.Find(q => q.Status == QuizStatus.Running).ToList();

    public IReadOnlyList<QuizRun> FinishedIn(ulong channelId, DateTimeOffset since) =>
        Quizzes.Find(q => q.Status == QuizStatus.Finished).Where(q => q.ChannelId == channelId && q.StartedAt >= since).OrderBy(q => q.Id).ToList();

    public IReadOnlyList<QuizAnswer> AnswersOf(int quizId) => QuizAnswers.Find(a => a.QuizId == quizId).OrderBy(a => a.At).ToList();

    public Article? FindArticle(int id) => Articles.FindById(id);

    public IReadOnlyList<Article> ListArticles(bool includeInactive = false) =>
        (includeInactive ? Articles.FindAll() : Articles.Find(a => a.Status == ArticleStatus.Active))
            .OrderBy(a => a.Id).ToList();

    public Article? FindArticleByHash(string contentHash) =>
        Articles.Find(a => a.ContentHash == contentHash).OrderByDescending(a => a.Id).FirstOrDefault();

    public Article? FindActiveArticleByUrl(string url) =>
        Articles.Find(a => a.Url == url && a.Status == ArticleStatus.Active).FirstOrDefault();

    public Passage? FindPassage(int id) => Passages.FindById(id);

    public IReadOnlyList<Passage> PassagesOf(int articleId) =>
        Passages.Find(p => p.ArticleId == articleId).OrderBy(p => p.Ordinal).ToList();

    public IEnumerable<Passage> ActivePassages() => Passages.Find(p => !p.Retired);

    /// <summary>The ids of the live passages, without materialising their text.</summary>
    public HashSet<int> ActivePassageIds() => Passages.Query().Where(p => !p.Retired).Select(p => p.Id).ToEnumerable().ToHashSet();

    public Fact? FindFact(int id) => Facts.FindById(id);

    public Fact? FindFactByKey(string key) => Facts.FindOne(f => f.Key == key);

    /// <summary>The live accounts of one disputed event, in the order they were stored.</summary>
    public IReadOnlyList<Fact> FactsInDispute(string dispute) =>
        Facts.Find(f => f.Dispute == dispute && f.Status == FactStatus.Active).OrderBy(f => f.Id).ToList();

    /// <summary>Where a passage comes from: its article, or for a fact's statement, the fact's source.</summary>
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

    public IReadOnlyList<AliasGroup> ListAliases() => Aliases.FindAll().OrderBy(a => a.Id).ToList();

    public IReadOnlyList<Fact> ListFacts(bool includeRetracted = false) =>
        (includeRetracted ? Facts.FindAll() : Facts.Find(f => f.Status == FactStatus.Active))
            .OrderBy(f => f.Id).ToList();

    public int CountActiveFacts() => Facts.Count(f => f.Status == FactStatus.Active);

    /// <summary>How many articles are live, without loading their text.</summary>
    public int CountActiveArticles() => Articles.Count(a => a.Status == ArticleStatus.Active);

    /// <summary>The title of the one live article, when there is exactly one.</summary>
    public string? OnlyActiveArticleTitle() =>
        CountActiveArticles() == 1 ? Articles.Query().Where(a => a.Status == ArticleStatus.Active).Select(a => a.Title).First() : null;

    /// <summary>The topics of live facts, reading only that field.</summary>
    public IReadOnlyList<string> ActiveTopics() =>
        Facts.Query().Where(f => f.Status == FactStatus.Active).Select(f => f.Topic).ToList().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<AuditEntry> RecentAudit(int count) =>
        Audit.Query().OrderByDescending(a => a.Id).Limit(count).ToList();

    /// <summary>Every audit entry, oldest first (filtering is done by the caller; the log is small beside the passages).</summary>
    public IReadOnlyList<AuditEntry> AllAudit() => Audit.FindAll().OrderBy(a => a.Id).ToList();

    /// <summary>The audit entries that undid <paramref name="auditId"/>, oldest first.</summary>
    public IReadOnlyList<AuditEntry> UndosOf(int auditId) => Audit.Find(a => a.Undoes == auditId).OrderBy(a => a.Id).ToList();

    public Gap? FindGap(int id) => Gaps.FindById(id);

    public IReadOnlyList<Gap> ListGaps() => Gaps.FindAll().OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAsked).ToList();

    public Suggestion? FindSuggestion(int id) => Suggestions.FindById(id);

    public IReadOnlyList<Suggestion> ListSuggestions(SuggestionStatus? status = null) =>
        (status is { } s ? Suggestions.Find(x => x.Status == s) : Suggestions.FindAll()).OrderBy(x => x.Id).ToList();

    public AnswerRecord? FindAnswer(int id) => Answers.FindById(id);

    /// <summary>The answer whose thread this is, if the channel is one the bot opened.</summary>
    public AnswerRecord? FindAnswerByThread(string threadId) =>
        Answers.Find(a => a.ThreadId == threadId).OrderByDescending(a => a.Id).FirstOrDefault();

    public IReadOnlyList<AnswerRecord> AnswersSince(DateTimeOffset since) =>
        Answers.Find(a => a.CreatedAt >= since).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();

    public IReadOnlyList<FaqCuration> ListFaqCurations() => FaqCurations.FindAll().ToList();

    public IReadOnlyList<AnswerFeedback> FeedbackFor(int answerId) => Feedback.Find(f => f.AnswerId == answerId).ToList();

    public AuditEntry? FindAudit(int id) => Audit.FindById(id);

    public IReadOnlyList<AuditEntry> AuditOf(string subject) =>
        Audit.Find(a => a.Subject == subject).OrderBy(a => a.Id).ToList();

    /// <summary>The stored embeddings of live passages under <paramref name="model"/>.</summary>
    public IReadOnlyList<PassageEmbedding> EmbeddingsFor(string model)
    {
        var live = ActivePassageIds();
        return EmbeddingBatches().SelectMany(b => b).Where(e => e.Model == model && live.Contains(e.Id)).ToList();
    }

    /// <summary>The models that stored embeddings were computed with, and how many each.</summary>
    public IReadOnlyDictionary<string, int> EmbeddingModels() =>
        EmbeddingBatches().SelectMany(b => b).GroupBy(e => e.Model).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Every stored embedding, in passage order, a few thousand at a time, each batch read on its own. LiteDB keeps
    /// every page a read has touched until the read ends, and its page cache never gives memory back: one read of
    /// 100k vectors (150 MB) grew the process by 125 MB for good, batches by one batch's pages.
    /// </summary>
    public IEnumerable<IReadOnlyList<PassageEmbedding>> EmbeddingBatches()
    {
        const int BatchSize = 4_096;

        // The highest id, from the id index (one document read).
        var last = Embeddings.Query().OrderByDescending(e => e.Id).Limit(1).ToList();
        if (last.Count == 0)
        {
            yield break;
        }

        for (var from = 0L; from <= last[0].Id; from += BatchSize)
        {
            // Query.Between walks the id index over the range only (a predicate with >= and <= walks it to the end).
            var batch = Embeddings.Find(Query.Between("_id", (int)from, (int)Math.Min(int.MaxValue, from + BatchSize - 1))).ToList();
            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    public IReadOnlyList<string> PendingImportIds() =>
        PendingImports.Query().Select(p => new { p.Id, p.CreatedAt }).ToList().OrderBy(p => p.CreatedAt).Select(p => p.Id).ToList();

    public GuildSettings? FindGuildSettings(string guildId) => GuildSettings.FindById(guildId);

    public Session? FindSession(int id) => Sessions.FindById(id);

    public Session? ActiveSessionIn(string channelId) =>
        Sessions.Find(x => x.ChannelId == channelId).FirstOrDefault(x => x.Status == SessionStatus.Active);

    public IReadOnlyList<Session> ActiveSessions() =>
        Sessions.FindAll().Where(x => x.Status == SessionStatus.Active).OrderBy(x => x.EndsAt).ThenBy(x => x.Id).ToList();

    public IReadOnlyList<Session> ListSessions(string? channelId = null) =>
        (channelId is null ? Sessions.FindAll() : Sessions.Find(x => x.ChannelId == channelId)).OrderByDescending(x => x.Id).ToList();

    public SessionQuestion? FindQuestion(int id) => SessionQuestions.FindById(id);

    public IReadOnlyList<SessionQuestion> QuestionsOf(int sessionId) =>
        SessionQuestions.Find(q => q.SessionId == sessionId).OrderBy(q => q.Id).ToList();

    public bool GetFlag(string name) => Meta.FindById(name)?["value"].AsBoolean ?? false;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: everything it writes commits together, and any exception
    /// (cancellation included) rolls all of it back. A change to knowledge gets the next sequence number, stored in the
    /// same transaction, and is published to the feed's observers after the commit, in order.
    /// </summary>
    public T Write<T>(Func<LiteDbWrite, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_writeGate)
        {
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("A store transaction is already open on this thread.");
            }

            T result;
            StoreChange change;
            var write = new LiteDbWrite(this);
            try
            {
                result = work(write);
                change = write.ToChange();
                if (!change.IsEmpty)
                {
                    change = change with { Sequence = Sequence + 1 };
                    Meta.Upsert(new BsonDocument { ["_id"] = SequenceKey, ["value"] = change.Sequence });
                }

                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }

            StoreMetrics.WriteDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);

            if (!change.IsEmpty)
            {
                // Published under the write gate, so observers see changes in sequence order (a passage added, then retired).
                Interlocked.Exchange(ref _sequence, change.Sequence);
                Publish(change);
            }

            return result;
        }
    }

    T IUnitOfWork.Write<T>(Func<IStoreTransaction, T> work) => Write(work);

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
        lock (_writeGate)
        {
            _observers = _observers.Add(observer);
        }

        return new Subscription(this, observer);
    }

    private void Publish(StoreChange change)
    {
        foreach (var observer in _observers.Items)
        {
            try
            {
                observer(change);
            }
            catch (Exception ex)
            {
                // The change is committed: the writer succeeded, and one failing observer must not keep it from the others.
                Log.ChangeObserverFailed(_logger, change.Sequence, ex);
            }
        }
    }

    private sealed record ImmutableObserverList(IReadOnlyList<Action<StoreChange>> Items)
    {
        public static readonly ImmutableObserverList Empty = new([]);

        public ImmutableObserverList Add(Action<StoreChange> observer) => new([.. Items, observer]);

        public ImmutableObserverList Remove(Action<StoreChange> observer)
        {
            var items = Items.ToList();
            items.Remove(observer);
            return new(items);
        }
    }

    private sealed class Subscription(LiteDbStore store, Action<StoreChange> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (store._writeGate)
                {
                    store._observers = store._observers.Remove(observer);
                }
            }
        }
    }

    /// <inheritdoc/>
    public StoreSnapshot ReadSnapshot() => new()
    {
        Format = StoreSnapshot.FormatName,
        Version = StoreSnapshot.CurrentVersion,
        SchemaVersion = StoreSnapshot.RecordSchema,
        Articles = Articles.FindAll().OrderBy(a => a.Id).ToList(),
        Passages = Passages.FindAll().OrderBy(p => p.Id).ToList(),
        Facts = Facts.FindAll().OrderBy(f => f.Id).ToList(),
        Aliases = Aliases.FindAll().OrderBy(a => a.Id).ToList(),
        Audit = Audit.FindAll().OrderBy(a => a.Id).ToList(),
        Gaps = Gaps.FindAll().OrderBy(g => g.Id).ToList(),
        ReviewQueue = Suggestions.FindAll().OrderBy(s => s.Id).ToList(),
        Answers = Answers.FindAll().OrderBy(a => a.Id).ToList(),
        Feedback = Feedback.FindAll().OrderBy(f => f.Id, StringComparer.Ordinal).ToList(),
        ServerSettings = GuildSettings.FindAll().OrderBy(g => g.Id, StringComparer.Ordinal).ToList(),
        PendingImports = PendingImports.FindAll().OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
        Sessions = Sessions.FindAll().OrderBy(x => x.Id).ToList(),
        SessionQuestions = SessionQuestions.FindAll().OrderBy(q => q.Id).ToList(),
        Quizzes = Quizzes.FindAll().OrderBy(q => q.Id).ToList(),
        QuizAnswers = QuizAnswers.FindAll().OrderBy(a => a.QuizId).ThenBy(a => a.Question).ThenBy(a => a.UserId).ToList(),
        FaqCurations = FaqCurations.FindAll().OrderBy(c => c.Id, StringComparer.Ordinal).ToList(),
    };

    /// <inheritdoc/>
    public bool IsEmpty() =>
        Articles.Count() + Facts.Count() + Aliases.Count() + Audit.Count() + Gaps.Count() + Suggestions.Count()
            + Answers.Count() + Feedback.Count() + GuildSettings.Count() + PendingImports.Count() + Sessions.Count() + SessionQuestions.Count()
            + Quizzes.Count() + QuizAnswers.Count() + FaqCurations.Count() == 0;

    /// <inheritdoc/>
    public void Restore(StoreSnapshot snapshot, Action<StoreSnapshot> verify)
    {
        ArgumentNullException.ThrowIfNull(verify);
        Write(write =>
        {
            write.Restore(snapshot);
            write.SetFlag(StoreSeeder.SeededFlag, true);

            // Read inside the transaction: a store that does not read back as the snapshot is rolled back whole.
            verify(ReadSnapshot());
            return 0;
        });
    }

    /// <summary>
    /// Writes a consistent copy of the store to <paramref name="destination"/>: every committed write is checkpointed
    /// into the file, which is then copied while no write can start. The copy needs no log file beside it.
    /// </summary>
    public void WriteBackup(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_writeGate)
        {
            _db.Checkpoint();
            using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, StoreFile.PageSize, FileOptions.SequentialScan);
            file.CopyTo(destination);
        }
    }

    public void Dispose()
    {
        // LiteDB checkpoints and closes its files first; only then may another process take the store.
        _db.Dispose();
        _lock.Dispose();
    }

    /// <summary>
    /// Each step brings a file from the version before it to its own; never edit a released step, add one (and raise
    /// <see cref="SchemaVersion"/>). Version 1 is the first schema: its collections and indexes are made on first use.
    /// </summary>
    private static readonly (int Version, Action<LiteDatabase> Apply)[] Migrations =
    [
        (1, _ => { }),
    ];

    private void Migrate(ILogger logger)
    {
        var version = _db.UserVersion;
        if (version == 0 && _db.GetCollectionNames().Any())
        {
            throw new StoreUnavailableException(
                $"{Path} is a LiteDB file of another program (it has collections but no BackgroundBot schema), so it was left untouched; check --db or the Store:Path setting.");
        }

        if (version > SchemaVersion)
        {
            throw new StoreUnavailableException(
                $"The fact store at {Path} has schema version {version}, newer than this build understands ({SchemaVersion}). Update BackgroundBot.");
        }

        if (version < SchemaVersion)
        {
            // All steps in one transaction, the version with them: a failed step leaves the file as it was.
            _db.BeginTrans();
            try
            {
                foreach (var (_, apply) in Migrations.Where(m => m.Version > version))
                {
                    apply(_db);
                }

                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }

            _db.UserVersion = SchemaVersion;
            Log.StoreSchemaSet(logger, Path, version, SchemaVersion);
        }
    }

    private static BsonMapper CreateMapper()
    {
        // Empty strings are kept as they are: LiteDB's default turns "" into null on write, so a record read back differed
        // from the one written ("" became null), and a store moved from PostgreSQL and back no longer exported the same.
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false };
        mapper.RegisterType(
            serialize: d => new BsonValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            deserialize: b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            serialize: d => new BsonValue(d.ToString("O", CultureInfo.InvariantCulture)),
            deserialize: b => DateTimeOffset.Parse(b.AsString, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

        // Vectors as their raw floats (little-endian, as .NET runs): 1.5 KB for 384 dimensions, read at start in
        // microseconds. LiteDB's default, a BSON array of doubles, took 7.5 KB a vector, and reading 10k of them at
        // start took seconds. Vectors stored as arrays by earlier versions are still read.
        mapper.RegisterType(
            serialize: (float[] v) => new BsonValue(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan()).ToArray()),
            deserialize: b => b.IsBinary
                ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(b.AsBinary).ToArray()
                : [.. b.AsArray.Select(x => (float)x.AsDouble)]);

        // LiteDB builds a type's mapping (and caches its constructor) on first use, and publishes the mapping before its members
        // are filled in: two threads using a type for the first time at once can see it empty ("Member ThreadId not found on
        // BsonMapper for type AnswerRecord"). Every stored type, and every type nested in one, is built here, on one thread,
        // before the store is shared.
        var built = new HashSet<Type>();
        foreach (var type in StoredTypes)
        {
            BuildMapping(mapper, type, built);
        }

        return mapper;
    }

    /// <summary>The type of every collection (see the collection properties above).</summary>
    private static readonly Type[] StoredTypes =
    [
        typeof(Article), typeof(Passage), typeof(Fact), typeof(AliasGroup), typeof(AuditEntry), typeof(Gap),
        typeof(PendingImport), typeof(AnswerRecord), typeof(AnswerFeedback),
        typeof(Suggestion), typeof(PassageEmbedding), typeof(GuildSettings), typeof(Session), typeof(SessionQuestion),
        typeof(QuizRun), typeof(QuizAnswer), typeof(FaqCuration),
    ];

    private static void BuildMapping(BsonMapper mapper, Type type, HashSet<Type> built)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        // Values LiteDB stores as they are (or through a registered conversion) have no mapping to build.
        if (type.IsValueType || type == typeof(string) || type == typeof(byte[]) || type == typeof(float[]) || type == typeof(Uri) || type == typeof(object)
            || typeof(BsonValue).IsAssignableFrom(type) || !built.Add(type))
        {
            return;
        }

        if (type.IsArray || typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            // Deserializing an empty array caches the list type's constructor; only the items can be entities.
            mapper.Deserialize(type, new BsonArray());
            foreach (var item in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments())
            {
                BuildMapping(mapper, item, built);
            }

            return;
        }

        // Deserializing an empty document builds the type's mapping and caches its constructor.
        mapper.Deserialize(type, new BsonDocument());
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            BuildMapping(mapper, property.PropertyType, built);
        }
    }
}
