namespace BackgroundBot.Tests.ScriptedOpenAi;

/// <summary>What the scripted server answers to one chat request.</summary>
public sealed record ScriptedReply
{
    public int Status { get; init; } = 200;

    /// <summary>The assistant's text, sent as server-sent-event chunks when the request streams.</summary>
    public string? Text { get; init; }

    /// <summary>Writes the assistant's text from the request, e.g. to cite the passage the prompt numbered [2].</summary>
    public Func<System.Text.Json.Nodes.JsonNode, string>? Compose { get; init; }

    /// <summary>A raw body instead of a well-formed reply (malformed responses, error bodies).</summary>
    public string? RawBody { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Never answers; the request waits until the client gives up.</summary>
    public bool Hang { get; init; }

    /// <summary>When set, the stream sends its first chunk, then waits for this before sending the rest.</summary>
    public Task? HoldAfterFirstChunk { get; init; }

    public static ScriptedReply Answer(string text) => new() { Text = text };

    public static ScriptedReply Answer(Func<System.Text.Json.Nodes.JsonNode, string> compose) => new() { Compose = compose };

    public static ScriptedReply Error(int status, string? retryAfter = null) => new()
    {
        Status = status,
        RawBody = $$$"""{"error":{"message":"scripted {{{status}}}","type":"server_error","code":null}}""",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    public static ScriptedReply Malformed() => new() { RawBody = "data: {this is not json\n\n" };

    public static ScriptedReply Hanging() => new() { Hang = true };
}
