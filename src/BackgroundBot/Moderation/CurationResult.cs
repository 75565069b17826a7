namespace BackgroundBot.Moderation;

/// <summary>The outcome of a curation action: what changed (and its audit entry), or why nothing did.</summary>
public sealed record CurationResult<T>(CurationOutcome Outcome, string Message, T? Value = default, int? AuditId = null)
    where T : class
{
    public bool Succeeded => Outcome == CurationOutcome.Done;

    public static CurationResult<T> Done(string message, T value, int auditId) => new(CurationOutcome.Done, message, value, auditId);

    public static CurationResult<T> Refused(string message) => new(CurationOutcome.Refused, message);

    public static CurationResult<T> NotFound(string message) => new(CurationOutcome.NotFound, message);

    public static CurationResult<T> Unchanged(string message) => new(CurationOutcome.Unchanged, message);

    public static CurationResult<T> Conflict(string message) => new(CurationOutcome.Conflict, message);
}
