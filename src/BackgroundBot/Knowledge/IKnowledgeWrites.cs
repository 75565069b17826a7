using BackgroundBot.Storage;

namespace BackgroundBot.Knowledge;

/// <summary>The knowledge writes allowed inside one transaction; each curation change is audited by the caller.</summary>
public interface IKnowledgeWrites : IStoreTransaction
{
    Article InsertArticle(Article article);

    void UpdateArticle(Article article);

    Passage InsertPassage(Passage passage);

    /// <summary>Retires every live passage of an article, so none of them is ever cited again.</summary>
    int RetirePassagesOf(int articleId);

    /// <summary>Brings back the retired passages of a restored article (an undone removal).</summary>
    int RestorePassagesOf(int articleId);

    /// <summary>Retires one passage (a retracted or edited fact's statement); it is never cited again.</summary>
    void RetirePassage(int passageId);

    AliasGroup InsertAlias(AliasGroup alias);

    void UpdateAlias(AliasGroup alias);

    /// <summary>Puts an alias group back under its own id (an undone removal).</summary>
    void RestoreAlias(AliasGroup alias);

    void DeleteAlias(int id);

    Fact InsertFact(Fact fact);

    /// <summary>Stores a fact with a passage holding its statement, so it is retrieved and cited like article text.</summary>
    Fact InsertFactWithPassage(Fact fact);

    /// <summary>
    /// Saves a changed fact: its old statement passage is retired and, while the fact is active, a new one holds the
    /// current statement, so the index never serves an old wording or a retracted fact.
    /// </summary>
    Fact UpdateFactWithPassage(Fact fact);

    void UpdateFact(Fact fact);

    /// <summary>Stores (or replaces) passage embeddings; not audited, since they are derived data a command can recompute.</summary>
    void PutEmbeddings(IEnumerable<PassageEmbedding> embeddings);

    /// <summary>Deletes every stored embedding, of any model.</summary>
    int ClearEmbeddings();

    void SetFlag(string name, bool value);

    AuditEntry Audit(DateTimeOffset at, string actor, string action, string subject, object? before, object? after, int? undoes = null);
}
