using System.Globalization;
using BackgroundBot.Knowledge;
using Npgsql;

namespace BackgroundBot.PostgreSql;

/// <summary>
/// The audit log lives in a typed table, so it can be read and filtered with plain SQL by the operator too. Its time is
/// kept as ISO 8601 text: timestamptz keeps microseconds and drops the offset, and a moved store must export unchanged.
/// </summary>
internal static class AuditQueries
{
    private const string Columns = "SELECT id, at, actor, action, subject, before, after, undoes FROM audit ";

    /// <param name="where">The rest of the query after the columns: a WHERE, an ORDER BY, a LIMIT.</param>
    public static List<AuditEntry> List(NpgsqlConnection connection, string where, params (string Name, object? Value)[] parameters) =>
        Sql.List(connection, Columns + where, Read, parameters);

    public static int Insert(NpgsqlConnection connection, AuditEntry entry, bool withId) => Sql.Scalar<int>(
        connection,
        withId
            ? "INSERT INTO audit (id, at, actor, action, subject, before, after, undoes) VALUES (@id, @at, @actor, @action, @subject, @before, @after, @undoes) RETURNING id"
            : "INSERT INTO audit (at, actor, action, subject, before, after, undoes) VALUES (@at, @actor, @action, @subject, @before, @after, @undoes) RETURNING id",
        ("id", entry.Id), ("at", entry.At.ToString("O", CultureInfo.InvariantCulture)), ("actor", entry.Actor), ("action", entry.Action), ("subject", entry.Subject),
        ("before", entry.Before), ("after", entry.After), ("undoes", entry.Undoes));

    private static AuditEntry Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        At = DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        Actor = r.GetString(2),
        Action = r.GetString(3),
        Subject = r.GetString(4),
        Before = r.IsDBNull(5) ? null : r.GetString(5),
        After = r.IsDBNull(6) ? null : r.GetString(6),
        Undoes = r.IsDBNull(7) ? null : r.GetInt32(7),
    };
}
