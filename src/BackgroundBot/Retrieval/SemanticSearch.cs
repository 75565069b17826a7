using BackgroundBot.Knowledge;
using BackgroundBot.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Passage embeddings and the question's meaning. By default a local model (<see cref="LocalEmbeddingGenerator"/>)
/// embeds every passage as it is committed, so the index follows the store; with a server model (<c>Embeddings</c>
/// settings) vectors are computed at import in batches. Vectors are stored with the model's name and never mixed:
/// after a model change, <c>embeddings --rebuild</c> recomputes them. <c>Embeddings:Provider=None</c> switches it off.
/// </summary>
public sealed class SemanticSearch : IDisposable
{
    public const int BatchSize = 32;

    private readonly IKnowledgeStore _store;
    private readonly VectorIndex _vectors = new();
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly LocalEmbeddingGenerator? _local;
    private readonly ResiliencePipeline _resilience = ResiliencePipeline.Empty;
    private readonly ILogger<SemanticSearch> _logger;
    private IReadOnlyDictionary<string, float[]>? _bundled;
    private IDisposable? _subscription;

    public SemanticSearch(
        IKnowledgeStore store,
        IStoreChanges changes,
        IOptionsMonitor<LlmOptions> options,
        IHttpClientFactory httpClients,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _store = store;
        _logger = loggerFactory.CreateLogger<SemanticSearch>();
        var settings = options.Get(LlmOptions.EmbeddingsSection);
        switch (settings.Provider)
        {
            case LlmProvider.None:
                return;
            case LlmProvider.Local:
                _local = new LocalEmbeddingGenerator(string.IsNullOrWhiteSpace(settings.Model) ? LocalEmbeddingModel.Default : settings.Model);
                _generator = _local;
                Model = LocalEmbeddingModel.StoredName(_local.Model);
                break;
            default:
                Model = settings.Model;
                _generator = EmbeddingGeneratorFactory.Create(settings, httpClients.CreateClient(LlmOptions.EmbeddingsSection), loggerFactory);
                _resilience = LlmResilience.Create(settings, time, _logger);
                break;
        }

        _subscription = changes.Subscribe(OnChanged);
        Load();
    }

    public bool Enabled => _generator is not null;

    /// <summary>Whether the model runs in this process (so passages are embedded as they are committed).</summary>
    public bool IsLocal => _local is not null;

    /// <summary>The name vectors are stored under (<c>local:arctic-xs</c>, or the server model's id), when enabled.</summary>
    public string? Model { get; }

    /// <summary>Whether the local model has been run by this instance (so loaded in the process); for start-up checks.</summary>
    internal bool LocalModelHasRun => _local?.HasRun ?? false;

    /// <summary>How many live passages have a vector under the configured model.</summary>
    public int Count => _vectors.Count;

    /// <summary>The question's vector, normalised; null when disabled, when no passage has a vector, or when the model fails.</summary>
    public async Task<float[]?> EmbedQuestionAsync(string text, CancellationToken cancellationToken)
    {
        if (_generator is null || _vectors.Count == 0)
        {
            return null;
        }

        try
        {
            var vector = _local is not null
                ? _local.EmbedQuery(text, cancellationToken)
                : (await _resilience.ExecuteAsync(
                    async token => await _generator.GenerateAsync([text], cancellationToken: token),
                    cancellationToken))[0].Vector;
            return VectorIndex.Normalise(vector.ToArray());
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.QueryEmbeddingFailed(_logger, LlmFailure.Describe(ex), ex);
            return null;
        }
    }

    /// <summary>Loads a local model now rather than on the first question; nothing for a server model.</summary>
    public void WarmUp(CancellationToken cancellationToken) => _local?.EmbedQuery("warm-up", cancellationToken);

    /// <summary>The passages closest in meaning to a question's vector.</summary>
    public IReadOnlyList<(int PassageId, float Similarity)> Search(float[] question, int count) => _vectors.Search(question, count);

    /// <summary>Cosine similarity of a passage to a question's vector; null when the passage has no vector.</summary>
    public float? Similarity(int passageId, float[] question) => _vectors.Similarity(passageId, question);

    /// <summary>Embeds every live passage that has no vector under the configured model.</summary>
    public Task<int> EmbedMissingAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var have = _store.EmbeddingsFor(RequireModel()).Select(e => e.Id).ToHashSet();
        return EmbedAsync(_store.ActivePassages().Where(p => !have.Contains(p.Id)).ToList(), progress, cancellationToken);
    }

    /// <summary>Drops every stored vector (of any model) and embeds all live passages again.</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        RequireModel();
        var passages = _store.ActivePassages().ToList();

        // Computed first and swapped in one transaction, so a failure half-way keeps the old vectors.
        var computed = await ComputeAsync(passages, progress, cancellationToken);
        _store.Write(write =>
        {
            write.ClearEmbeddings();
            write.PutEmbeddings(computed);
            return 0;
        });
        _vectors.Clear();
        _vectors.Set(computed.Select(e => (e.Id, e.Vector)));
        return computed.Count;
    }

    /// <summary>Writes the vectors of every live passage to a bundled-vectors file (how the shipped one is made).</summary>
    public int ExportBundle(string path)
    {
        var model = RequireModel();
        var vectors = _store.EmbeddingsFor(model).ToDictionary(e => e.Id, e => e.Vector);
        return BundledVectors.Write(
            path,
            model,
            _store.ActivePassages().Where(p => vectors.ContainsKey(p.Id)).Select(p => (p.Text, vectors[p.Id])));
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task<int> EmbedAsync(IReadOnlyList<Passage> passages, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        if (passages.Count == 0)
        {
            return 0;
        }

        var computed = await ComputeAsync(passages, progress, cancellationToken);
        _store.Write(write =>
        {
            write.PutEmbeddings(computed);
            return 0;
        });
        _vectors.Set(computed.Select(e => (e.Id, e.Vector.ToArray())));
        return computed.Count;
    }

    private async Task<List<PassageEmbedding>> ComputeAsync(IReadOnlyList<Passage> passages, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var model = RequireModel();
        var computed = new List<PassageEmbedding>(passages.Count);

        // A passage the bundled file already holds (the seed article and starter pack) costs nothing to embed.
        var bundled = Bundled();
        var missing = new List<Passage>();
        foreach (var passage in passages)
        {
            if (bundled.TryGetValue(BundledVectors.Key(passage.Text), out var vector))
            {
                computed.Add(new PassageEmbedding { Id = passage.Id, Model = model, Vector = vector.ToArray() });
            }
            else
            {
                missing.Add(passage);
            }
        }

        progress?.Report((computed.Count, passages.Count));
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var embeddings = await _resilience.ExecuteAsync(
                async token => await _generator!.GenerateAsync(batch.Select(p => p.Text), cancellationToken: token),
                cancellationToken);
            computed.AddRange(batch.Zip(embeddings, (p, e) => new PassageEmbedding { Id = p.Id, Model = model, Vector = e.Vector.ToArray() }));
            progress?.Report((computed.Count, passages.Count));
        }

        return computed;
    }

    private IReadOnlyDictionary<string, float[]> Bundled() =>
        _bundled ??= _local is null ? new Dictionary<string, float[]>() : BundledVectors.Load(BundledVectors.PathFor(Model!), Model!);

    private string RequireModel() =>
        Model ?? throw new InvalidOperationException("Embeddings are switched off (Embeddings:Provider is None).");

    // Start-up reads the live passages' ids once and each stored vector once, in batches (see
    // IKnowledgeStore.EmbeddingBatches) straight into the index; the model is not loaded unless a live passage has no vector
    // (it loads on the first question).
    private void Load()
    {
        var live = _store.ActivePassageIds();
        _vectors.Reserve(live.Count);
        var have = new HashSet<int>();
        var others = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in _store.EmbeddingBatches())
        {
            var mine = new List<(int PassageId, float[] Vector)>(batch.Count);
            foreach (var embedding in batch)
            {
                if (embedding.Model != Model)
                {
                    others[embedding.Model] = others.GetValueOrDefault(embedding.Model) + 1;
                }
                else if (live.Contains(embedding.Id))
                {
                    mine.Add((embedding.Id, embedding.Vector));
                    have.Add(embedding.Id);
                }
            }

            _vectors.Set(mine);
        }

        if (have.Count >= StartupMemory.LargeLoad)
        {
            StartupMemory.Release();
        }

        if (others.Count > 0)
        {
            Log.OtherModelEmbeddings(_logger, string.Join(", ", others.Keys), Model!);
        }

        // A local model keeps every passage embedded: one committed before it was configured gets its vector now.
        if (_local is not null && others.Count == 0 && have.Count < live.Count)
        {
            EmbedAsync(_store.ActivePassages().Where(p => !have.Contains(p.Id)).ToList(), null, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private void OnChanged(StoreChange change)
    {
        if (change.PassagesRetired.Count > 0)
        {
            _vectors.Remove(change.PassagesRetired);
        }

        if (_local is not null && change.PassagesAdded.Count > 0)
        {
            // In-process and fast enough to follow every commit, so a new fact is found by meaning at once.
            EmbedAsync(change.PassagesAdded.Where(p => !p.Retired).ToList(), null, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
