namespace BackgroundBot.Moderation;

public enum CurationOutcome
{
    Done,

    /// <summary>The input is not acceptable (empty statement, unknown topic, bad date); nothing changed.</summary>
    Refused,

    /// <summary>No such fact, article, alias or audit entry.</summary>
    NotFound,

    /// <summary>The change asked for is already so (an empty edit); nothing was written and no version made.</summary>
    Unchanged,

    /// <summary>Someone else changed the item since it was read; nothing changed, and the caller is told.</summary>
    Conflict,
}
