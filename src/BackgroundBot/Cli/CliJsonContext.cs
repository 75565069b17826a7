using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackgroundBot.Cli;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AskJson))]
[JsonSerializable(typeof(EvalJson))]
[JsonSerializable(typeof(BackgroundBot.Sessions.SessionTranscript))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Source-generated, with quotes and dashes written as themselves rather than \u escapes.</summary>
    public static JsonSerializerOptions Readable { get; } = new()
    {
        TypeInfoResolver = Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
