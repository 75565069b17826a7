using BackgroundBot.Bot;

namespace BackgroundBot.PostgreSql;

/// <summary>
/// Rate-limit windows in the shared store: one row per counted request. Each key is locked (an advisory lock on its
/// hash) for the transaction that counts it, so two instances counting the same member at once see each other.
/// </summary>
internal sealed class PostgreSqlRequestWindows(PostgreSqlStore store) : ISharedRequestWindows
{
    // Rows older than this are no one's window any more (the longest window is the submission limit's hour or day).
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    private int _calls;

    public TimeSpan? TryAcquire(DateTimeOffset now, TimeSpan window, IReadOnlyList<(string Key, int Limit)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var names = keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sweep = Interlocked.Increment(ref _calls) % 1000 == 1;
        return store.Run(connection =>
        {
            using var transaction = connection.BeginTransaction();

            // Locked in one order, so two requests over the same keys cannot deadlock.
            foreach (var name in names)
            {
                Sql.Execute(connection, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", ("key", "limit:" + name));
            }

            Sql.Execute(connection, "DELETE FROM request_hits WHERE key = ANY(@keys) AND at <= @cutoff", ("keys", names), ("cutoff", now - window));
            if (sweep)
            {
                Sql.Execute(connection, "DELETE FROM request_hits WHERE at <= @old", ("old", now - KeepFor));
            }

            var counts = Sql.List(
                connection, "SELECT key, count(*), min(at) FROM request_hits WHERE key = ANY(@keys) GROUP BY key",
                r => (Key: r.GetString(0), Count: r.GetInt64(1), Oldest: r.GetFieldValue<DateTimeOffset>(2)), ("keys", names))
                .ToDictionary(c => c.Key, StringComparer.Ordinal);

            TimeSpan? wait = null;
            foreach (var (key, limit) in keys)
            {
                if (counts.TryGetValue(key, out var held) && held.Count >= limit)
                {
                    var free = held.Oldest + window - now;
                    wait = wait is { } w && w > free ? w : free;
                }
            }

            if (wait is null)
            {
                Sql.Execute(connection, "INSERT INTO request_hits (key, at) SELECT unnest(@keys), @now", ("keys", names), ("now", now));
            }

            transaction.Commit();
            return wait;
        });
    }
}
