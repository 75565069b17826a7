namespace BackgroundBot.Moderation;

public enum CurationOutcome
{
    Done,

    /// <summary>The input is not acceptable (empty statement, unknown topic, bad date); nothing changed.</summary>
    Refused,

    /// <summary>No such fact, article, alias or audit entry.</summary>
    NotFound,

    /// <summary>Someone else changed the item since it was read; nothing changed, and the caller is told.</summary>
    Conflict,
}
