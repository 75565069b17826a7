using BackgroundBot.Answering.Generative;
using BackgroundBot.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Passage embeddings when an <c>Embeddings</c> model is configured: computed at import (in batches, with progress),
/// stored with the model's name, searched in memory. Vectors of another model are never mixed in: after a model
/// change, <c>embeddings --rebuild</c> recomputes them. Disabled (lexical retrieval only) without the section.
/// </summary>
public sealed class SemanticSearch : IDisposable
{
    public const int BatchSize = 32;

    private readonly FactStore _store;
    private readonly VectorIndex _vectors = new();
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly ResiliencePipeline _resilience = ResiliencePipeline.Empty;
    private readonly ILogger<SemanticSearch> _logger;

    public SemanticSearch(
        FactStore store,
        IConfiguration configuration,
        IOptionsMonitor<LlmOptions> options,
        IHttpClientFactory httpClients,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _store = store;
        _logger = loggerFactory.CreateLogger<SemanticSearch>();
        if (!configuration.GetSection(LlmOptions.EmbeddingsSection).Exists())
        {
            return;
        }

        var settings = options.Get(LlmOptions.EmbeddingsSection);
        Model = settings.Model;
        _generator = EmbeddingGeneratorFactory.Create(settings, httpClients.CreateClient(LlmOptions.EmbeddingsSection), loggerFactory);
        _resilience = LlmResilience.Create(settings, time, _logger);
        store.Changed += OnChanged;
        Load();
    }

    public bool Enabled => _generator is not null;

    /// <summary>The configured embeddings model, when enabled.</summary>
    public string? Model { get; }

    /// <summary>How many live passages have a vector under the configured model.</summary>
    public int Count => _vectors.Count;

    /// <summary>The passages closest in meaning to <paramref name="text"/>; empty when disabled or when the model fails.</summary>
    public async Task<IReadOnlyList<(int PassageId, float Similarity)>> SearchAsync(string text, int count, CancellationToken cancellationToken)
    {
        if (_generator is null || _vectors.Count == 0)
        {
            return [];
        }

        try
        {
            var embedding = await _resilience.ExecuteAsync(
                async token => await _generator.GenerateAsync([text], cancellationToken: token),
                cancellationToken);
            return _vectors.Search(embedding[0].Vector.Span, count);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.QueryEmbeddingFailed(_logger, LlmFailure.Describe(ex), ex);
            return [];
        }
    }

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

    public void Dispose() => _store.Changed -= OnChanged;

    private async Task<int> EmbedAsync(IReadOnlyList<Passage> passages, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
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
        foreach (var batch in passages.Chunk(BatchSize))
        {
            var embeddings = await _resilience.ExecuteAsync(
                async token => await _generator!.GenerateAsync(batch.Select(p => p.Text), cancellationToken: token),
                cancellationToken);
            computed.AddRange(batch.Zip(embeddings, (p, e) => new PassageEmbedding { Id = p.Id, Model = model, Vector = e.Vector.ToArray() }));
            progress?.Report((computed.Count, passages.Count));
        }

        return computed;
    }

    private string RequireModel() =>
        Model ?? throw new InvalidOperationException("No Embeddings model is configured; add an Embeddings section (see appsettings.example.json).");

    private void Load()
    {
        var vectors = _store.EmbeddingsFor(Model!);
        _vectors.Set(vectors.Select(e => (e.Id, e.Vector)));
        var others = _store.EmbeddingModels().Where(m => m.Key != Model).ToList();
        if (others.Count > 0)
        {
            Log.OtherModelEmbeddings(_logger, string.Join(", ", others.Select(o => o.Key)), Model!);
        }
    }

    private void OnChanged(StoreChange change)
    {
        if (change.PassagesRetired.Count > 0)
        {
            _vectors.Remove(change.PassagesRetired);
        }
    }
}
