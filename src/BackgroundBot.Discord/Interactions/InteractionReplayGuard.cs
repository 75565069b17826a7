using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Remembers which interactions were already taken, so each is acted on once however often it arrives: a dispatch the gateway
/// replays after a resume or reconnect, or a signed request sent to the HTTP endpoint twice (its signature stays valid for
/// <see cref="DiscordOptions.InteractionTimestampTolerance"/>). One guard serves both transports. It is bounded: an id is
/// forgotten after <see cref="Window"/>, when its token has expired and a replay could do nothing, and beyond
/// <see cref="Capacity"/> ids the oldest go first.
/// </summary>
internal sealed class InteractionReplayGuard
{
    /// <summary>How many ids are remembered at most: well over 15 minutes of interactions at 50 a second.</summary>
    public const int Capacity = 50_000;

    // Interaction tokens live 15 minutes (https://discord.com/developers/docs/interactions/receiving-and-responding#followup-messages).
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly TimeProvider _time;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Expires)> _order = new();

    public InteractionReplayGuard(TimeProvider time, IOptions<DiscordOptions> options, Diagnostics.DiscordMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        metrics?.ObserveCache("interaction_replay_guard", () => Count);
        var tolerance = options.Value.InteractionTimestampTolerance;
        Window = tolerance > TokenLifetime ? tolerance : TokenLifetime;
    }

    /// <summary>How long an id is remembered.</summary>
    public TimeSpan Window { get; }

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_seen)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time an interaction id is seen; false for a replay of one taken within the window.</summary>
    public bool TryTake(string interactionId)
    {
        var now = _time.GetUtcNow();
        lock (_seen)
        {
            // Ids are queued in the order seen, so the expired ones are at the front.
            while (_order.TryPeek(out var oldest) && (oldest.Expires <= now || _order.Count >= Capacity))
            {
                _seen.Remove(_order.Dequeue().Id);
            }

            if (!_seen.Add(interactionId))
            {
                return false;
            }

            _order.Enqueue((interactionId, now + Window));
            return true;
        }
    }
}
