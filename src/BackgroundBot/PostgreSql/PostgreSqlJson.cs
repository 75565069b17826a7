using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackgroundBot.PostgreSql;

/// <summary>How record bodies are stored in <c>jsonb</c>: the web defaults, enums by name (readable with psql).</summary>
internal static class PostgreSqlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
