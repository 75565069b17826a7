namespace BackgroundBot.Knowledge;

/// <summary>Knowledge's records: articles, passages, facts, aliases, the audit log and passage embeddings.</summary>
public interface IKnowledgeStore
{
    /// <summary>Where the store is, for messages to the operator (a file path, or a server).</summary>
    string Path { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction of the shared unit of work (see <see cref="Storage.IUnitOfWork"/>).</summary>
    T Write<T>(Func<IKnowledgeWrites, T> work);

    Article? FindArticle(int id);

    IReadOnlyList<Article> ListArticles(bool includeInactive = false);

    Article? FindArticleByHash(string contentHash);

    Article? FindActiveArticleByUrl(string url);

    Passage? FindPassage(int id);

    IReadOnlyList<Passage> PassagesOf(int articleId);

    IEnumerable<Passage> ActivePassages();

    /// <summary>The ids of the live passages, without materialising their text.</summary>
    HashSet<int> ActivePassageIds();

    Fact? FindFact(int id);

    Fact? FindFactByKey(string key);

    /// <summary>The live accounts of one disputed event, in the order they were stored.</summary>
    IReadOnlyList<Fact> FactsInDispute(string dispute);

    /// <summary>Where a passage comes from: its article, or for a fact's statement, the fact's source.</summary>
    SourceInfo DescribeSource(Passage passage);

    IReadOnlyList<AliasGroup> ListAliases();

    IReadOnlyList<Fact> ListFacts(bool includeRetracted = false);

    int CountActiveFacts();

    /// <summary>How many articles are live, without loading their text.</summary>
    int CountActiveArticles();

    /// <summary>The title of the one live article, when there is exactly one.</summary>
    string? OnlyActiveArticleTitle();

    /// <summary>The topics of live facts, reading only that field.</summary>
    IReadOnlyList<string> ActiveTopics();

    IReadOnlyList<AuditEntry> RecentAudit(int count);

    /// <summary>Every audit entry, oldest first.</summary>
    IReadOnlyList<AuditEntry> AllAudit();

    /// <summary>The audit entries that undid <paramref name="auditId"/>, oldest first.</summary>
    IReadOnlyList<AuditEntry> UndosOf(int auditId);

    AuditEntry? FindAudit(int id);

    IReadOnlyList<AuditEntry> AuditOf(string subject);

    /// <summary>The stored embeddings of live passages under <paramref name="model"/>.</summary>
    IReadOnlyList<PassageEmbedding> EmbeddingsFor(string model);

    /// <summary>The models that stored embeddings were computed with, and how many each.</summary>
    IReadOnlyDictionary<string, int> EmbeddingModels();

    /// <summary>Every stored embedding, in passage order, a batch at a time (a provider bounds the memory a read holds).</summary>
    IEnumerable<IReadOnlyList<PassageEmbedding>> EmbeddingBatches();

    bool GetFlag(string name);
}
