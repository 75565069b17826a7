using System.Security.Cryptography;
using System.Text;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Llm;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Benchmarks.Fixtures;

/// <summary>
/// Passage vectors for the benchmark stores. Embedding 100k passages with the local model would take hours on two
/// cores, so most passages get a stand-in: the real vector of one of a pool of corpus passages (chosen by the text's
/// hash) plus deterministic noise, so similarities to a real question fall where real ones do (the corpus is all
/// about one conflict) and passages on a pool passage's vector sit close together, as near-duplicate reporting does.
/// The passages that answer the corpus questions and the seed article and starter pack get their real vectors.
/// The same text always gets the same vector, in every store and process.
/// </summary>
public static class BenchVectors
{
    /// <summary>The name the local model's vectors are stored under.</summary>
    public static readonly string Model = LocalEmbeddingModel.StoredName(LocalEmbeddingModel.ArcticXs);

    // Length of the noise added to a (normalised) pool vector: a stand-in's cosine to its pool vector is about
    // 1 / sqrt(1 + 0.35^2) = 0.94, and two stand-ins of one pool vector about 0.89.
    private const float NoiseLength = 0.35f;

    private const int Batch = 32;

    /// <summary>How many corpus passages are embedded for real to draw stand-ins from; tests make it small.</summary>
    public static int PoolSize { get; set; } = 128;

    /// <summary>Real vectors of the first <see cref="PoolSize"/> passages of the 1k corpus, computed once and kept in the cache folder.</summary>
    public static IReadOnlyList<float[]> Pool(TextWriter? progress = null)
    {
        var texts = CorpusGenerator.Generate(Math.Max(PoolSize, CorpusGenerator.QuestionCount)).Passages.Take(PoolSize).ToList();
        var path = Path.Combine(BenchStore.CacheFolder, $"pool-{PoolSize}.vectors");
        var cached = BundledVectors.Load(path, Model);
        if (texts.All(t => cached.ContainsKey(BundledVectors.Key(t))))
        {
            return texts.Select(t => cached[BundledVectors.Key(t)]).ToList();
        }

        progress?.WriteLine($"Embedding {texts.Count} pool passages with the local model (once)...");
        var vectors = Embed(texts);
        Directory.CreateDirectory(BenchStore.CacheFolder);
        BundledVectors.Write(path, Model, texts.Zip(vectors));
        return vectors;
    }

    /// <summary>The real vectors of <paramref name="texts"/>, as the bot computes them at import.</summary>
    public static IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        using var generator = new LocalEmbeddingGenerator(LocalEmbeddingModel.ArcticXs);
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(Batch))
        {
            vectors.AddRange(generator.GenerateAsync(batch).GetAwaiter().GetResult().Select(e => VectorIndex.Normalise(e.Vector.ToArray())));
        }

        return vectors;
    }

    /// <summary>The stand-in vector of a passage: its pool vector (by the text's hash) plus noise seeded by the text.</summary>
    public static float[] StandIn(string text, IReadOnlyList<float[]> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var seed = BitConverter.ToInt32(hash, 0) & int.MaxValue;
        var basis = pool[seed % pool.Count];
        var random = new Random(seed);
        var noise = new float[basis.Length];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        VectorIndex.Normalise(noise);
        var vector = new float[basis.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = basis[i] + (NoiseLength * noise[i]);
        }

        return VectorIndex.Normalise(vector);
    }

    /// <summary>
    /// Stores a vector for every live passage of <paramref name="store"/> under the local model's name: real for the
    /// bundled passages and the questions' answer passages, stand-ins for the rest.
    /// </summary>
    public static int AddTo(LiteDbStore store, SyntheticCorpus corpus, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corpus);
        var pool = Pool(progress);
        var passages = store.ActivePassages().Select(p => (p.Id, p.Text)).ToList();

        // Real vectors for the questions' answers and the seed (from the bundled file where it has them).
        var bundled = BundledVectors.Load(BundledVectors.PathFor(Model), Model);
        var corpusTexts = corpus.Passages.ToHashSet(StringComparer.Ordinal);
        var embedForReal = corpus.Questions.Select(q => corpus.Passages[q.AnswerPassage])
            .Concat(passages.Select(p => p.Text).Where(t => !corpusTexts.Contains(t)))
            .Where(t => !bundled.ContainsKey(BundledVectors.Key(t)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        progress?.WriteLine($"Embedding {embedForReal.Count} answer and seed passages with the local model...");
        var real = embedForReal.Zip(Embed(embedForReal)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var stored = 0;
        foreach (var chunk in passages.Chunk(4_096))
        {
            var embeddings = chunk.Select(p => new PassageEmbedding
            {
                Id = p.Id,
                Model = Model,
                Vector = bundled.TryGetValue(BundledVectors.Key(p.Text), out var vector) ? vector
                    : real.TryGetValue(p.Text, out vector) ? vector
                    : StandIn(p.Text, pool),
            }).ToList();
            store.Write(write =>
            {
                write.PutEmbeddings(embeddings);
                return 0;
            });
            stored += embeddings.Count;
        }

        return stored;
    }
}
