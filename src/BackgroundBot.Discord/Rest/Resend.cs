namespace BackgroundBot.Discord.Rest;

/// <summary>
/// Whether a request may be sent again after a failure that Discord may already have acted on (a 5xx, a timeout, a
/// connection lost mid-request). A request that provably never left (connection refused, name not resolved) is always
/// sent again; a 429 is always waited out and sent again, as Discord did nothing with it.
/// </summary>
internal enum Resend
{
    /// <summary>Doing it twice has the effect of doing it once: GET, PUT, PATCH, DELETE, and POSTs Discord itself deduplicates.</summary>
    Always,

    /// <summary>Doing it twice could do it twice (a follow-up message, an interaction callback): sent again only if it never left.</summary>
    OnlyIfUnsent,
}
