namespace BackgroundBot.Llm;

/// <summary>
/// The sentence-embedding models that ship inside NuGet packages and run in-process on ONNX Runtime, so retrieval by
/// meaning needs no server and no key. Names are what <c>Embeddings:Model</c> takes when the provider is <c>Local</c>.
/// </summary>
public static class LocalEmbeddingModel
{
    /// <summary>Snowflake's arctic-embed-xs (Apache-2.0), 384 dimensions: the default, chosen on the development set.</summary>
    public const string ArcticXs = "arctic-xs";

    /// <summary>sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), 384 dimensions.</summary>
    public const string MiniLM = "minilm";

    public const string Default = ArcticXs;

    public static IReadOnlyList<string> Names { get; } = [ArcticXs, MiniLM];

    /// <summary>The name vectors are stored under, so a local model's vectors never mix with a server model's.</summary>
    public static string StoredName(string model) => $"local:{model}";

    public static bool IsKnown(string? model) => model is not null && Names.Contains(model, StringComparer.OrdinalIgnoreCase);
}
