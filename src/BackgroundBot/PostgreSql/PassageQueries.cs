using BackgroundBot.Knowledge;
using Npgsql;

namespace BackgroundBot.PostgreSql;

/// <summary>Passages live in a typed table: the index loads them all at start, and retiring one is an update of one column.</summary>
internal static class PassageQueries
{
    private const string Columns = "SELECT id, article_id, ordinal, text, start, length, fact_id, retired FROM passages ";

    public static Passage? Find(NpgsqlConnection connection, int id) => List(connection, "WHERE id = @id", ("id", id)).FirstOrDefault();

    /// <param name="where">The rest of the query after the columns: a WHERE and an ORDER BY.</param>
    public static List<Passage> List(NpgsqlConnection connection, string where, params (string Name, object? Value)[] parameters) =>
        Sql.List(connection, Columns + where, Read, parameters);

    public static int Insert(NpgsqlConnection connection, Passage passage, bool withId) => Sql.Scalar<int>(
        connection,
        withId
            ? "INSERT INTO passages (id, article_id, ordinal, text, start, length, fact_id, retired) VALUES (@id, @article, @ordinal, @text, @start, @length, @fact, @retired) RETURNING id"
            : "INSERT INTO passages (article_id, ordinal, text, start, length, fact_id, retired) VALUES (@article, @ordinal, @text, @start, @length, @fact, @retired) RETURNING id",
        ("id", passage.Id), ("article", passage.ArticleId), ("ordinal", passage.Ordinal), ("text", passage.Text), ("start", passage.Start),
        ("length", passage.Length), ("fact", passage.FactId), ("retired", passage.Retired));

    private static Passage Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        ArticleId = r.GetInt32(1),
        Ordinal = r.GetInt32(2),
        Text = r.GetString(3),
        Start = r.GetInt32(4),
        Length = r.GetInt32(5),
        FactId = r.IsDBNull(6) ? null : r.GetInt32(6),
        Retired = r.GetBoolean(7),
    };
}
