namespace BackgroundBot.Discord.Rest;

/// <summary>
/// A REST route as Discord rate-limits it: method, path template and the top-level ("major") parameter
/// (<see href="https://discord.com/developers/docs/topics/rate-limits#rate-limits"/>). Two requests share limits only when all three match.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Template">Path template, e.g. <c>/channels/{channel_id}/messages</c>.</param>
/// <param name="MajorParameter">
/// Value of the major parameter (channel, guild or webhook id; the interaction id or token for interaction routes, which
/// <see cref="RateLimitManager"/> keys by template alone so that no bucket is kept per token).
/// </param>
/// <param name="IsInteraction">
/// Interaction callbacks and interaction webhooks are not bound by the global limit
/// (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction"/>).
/// </param>
internal sealed record Route(HttpMethod Method, string Template, string MajorParameter, bool IsInteraction = false)
{
    /// <summary>The key of the route before Discord has told us its bucket.</summary>
    public string Key => $"{Method.Method} {Template} {MajorParameter}";

    /// <summary>The route template with method, shared by every major parameter (what <c>X-RateLimit-Bucket</c> is learnt for).</summary>
    public string TemplateKey => $"{Method.Method} {Template}";
}
