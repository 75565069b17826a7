using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace BackgroundBot.PostgreSql;

/// <summary>Small helpers over Npgsql commands: parameters by name, records as <c>jsonb</c> bodies.</summary>
internal static class Sql
{
    /// <summary>A record's body, passed as <c>jsonb</c>.</summary>
    public sealed record Json(string Text);

    /// <summary>A Discord snowflake for a <c>numeric(20)</c> column (bigint cannot hold every ulong).</summary>
    public static decimal Snowflake(ulong id) => id;

    public static Json Body<T>(T record) => new(JsonSerializer.Serialize(record, PostgreSqlJson.Options));

    public static T Read<T>(NpgsqlDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<T>(reader.GetString(ordinal), PostgreSqlJson.Options)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is empty.");

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value switch
            {
                Json json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },

                // timestamptz takes UTC only; the instant is what is kept.
                DateTimeOffset at => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = at.ToUniversalTime() },
                null => new NpgsqlParameter(name, DBNull.Value),
                _ => new NpgsqlParameter(name, value),
            });
        }

        return command;
    }

    public static int Execute(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static T Scalar<T>(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return (T)command.ExecuteScalar()!;
    }

    public static List<T> List<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    /// <summary>Rows of <c>(id, body)</c>: the record from its body, with the id from its column.</summary>
    public static List<T> Records<T>(NpgsqlConnection connection, string sql, Func<T, int, T> withId, params (string Name, object? Value)[] parameters) =>
        List(connection, sql, r => withId(Read<T>(r, 1), r.GetInt32(0)), parameters);

    /// <summary>Rows of one <c>body</c> column (records keyed by text, whose key is in the body).</summary>
    public static List<T> Bodies<T>(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        List(connection, sql, r => Read<T>(r, 0), parameters);
}
