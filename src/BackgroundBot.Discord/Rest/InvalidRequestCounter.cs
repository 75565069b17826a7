namespace BackgroundBot.Discord.Rest;

/// <summary>
/// Counts 401, 403 and 429 answers over Discord's 10-minute window. Discord bans the IP for a while at 10,000
/// (<see href="https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans"/>),
/// so the layer refuses to send once <see cref="DiscordOptions.InvalidRequestLimit"/> is reached.
/// </summary>
internal sealed class InvalidRequestCounter(TimeProvider time, int limit)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> _seen = new();

    public int Count
    {
        get
        {
            lock (_seen)
            {
                Prune(time.GetUtcNow());
                return _seen.Count;
            }
        }
    }

    public void Record()
    {
        lock (_seen)
        {
            _seen.Enqueue(time.GetUtcNow());
        }
    }

    /// <summary>Throws when the budget is spent, saying why and when sending resumes.</summary>
    public void ThrowIfExhausted()
    {
        lock (_seen)
        {
            var now = time.GetUtcNow();
            Prune(now);
            if (_seen.Count >= limit)
            {
                var resumesAt = _seen.Peek() + Window;
                throw new DiscordRestException(
                    0,
                    null,
                    $"Stopped sending to Discord: {_seen.Count} invalid requests (401, 403, 429) in the last 10 minutes reached Discord:InvalidRequestLimit ({limit}); " +
                    $"Discord bans the IP at 10,000. Check the bot token and the bot's permissions. Sending resumes at {resumesAt:u}.");
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_seen.Count > 0 && now - _seen.Peek() >= Window)
        {
            _seen.Dequeue();
        }
    }
}
