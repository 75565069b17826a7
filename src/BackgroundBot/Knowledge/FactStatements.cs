namespace BackgroundBot.Knowledge;

/// <summary>
/// A curated fact's statement kept as a passage of its own, so it is retrieved and cited like article text. Both
/// providers store facts this way through these steps, so an edit or a retraction retires the old wording the same way
/// on either.
/// </summary>
public static class FactStatements
{
    /// <summary>Stores a fact with a passage holding its statement.</summary>
    public static Fact Insert(IKnowledgeWrites write, Fact fact)
    {
        ArgumentNullException.ThrowIfNull(write);
        var stored = write.InsertFact(fact);
        stored = stored with { PassageId = write.InsertPassage(PassageOf(stored)).Id };
        write.UpdateFact(stored);
        return stored;
    }

    /// <summary>
    /// Saves a changed fact: its old statement passage is retired and, while the fact is active, a new one holds the
    /// current statement, so the index never serves an old wording or a retracted fact.
    /// </summary>
    public static Fact Update(IKnowledgeWrites write, Fact fact)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(fact);
        if (fact.PassageId is { } old)
        {
            write.RetirePassage(old);
        }

        var updated = fact;
        if (fact.Status == FactStatus.Active)
        {
            updated = fact with { PassageId = write.InsertPassage(PassageOf(fact)).Id };
        }

        write.UpdateFact(updated);
        return updated;
    }

    private static Passage PassageOf(Fact fact) =>
        new() { ArticleId = 0, FactId = fact.Id, Text = fact.Statement, Length = fact.Statement.Length };
}
