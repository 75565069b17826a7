using BackgroundBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Question in, ranked live passages out. Builds the index from the store when created and follows the store's
/// changes afterwards, including alias edits.
/// </summary>
public sealed class Retriever : IDisposable
{
    private readonly IKnowledgeStore _store;
    private readonly PassageIndex _index;
    private readonly TextAnalyzer _analyzer;
    private readonly SemanticSearch? _semantic;
    private readonly int _topPassages;
    private readonly IDisposable _subscription;
    private volatile AliasExpander _aliases;

    public Retriever(IKnowledgeStore store, IStoreChanges changes, PassageIndex index, TextAnalyzer analyzer, IOptions<RetrievalOptions> options, SemanticSearch? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _store = store;
        _index = index;
        _analyzer = analyzer;
        _semantic = semantic;
        _topPassages = options.Value.TopPassages;

        // Follow the feed before loading, so a write that lands meanwhile is not missed (adding twice is harmless).
        _subscription = changes.Subscribe(OnChanged);
        _aliases = new AliasExpander(store.ListAliases(), analyzer);
        index.Add(store.ActivePassages());
    }

    public PassageIndex Index => _index;

    public TextAnalyzer Analyzer => _analyzer;

    /// <summary>
    /// The question's terms, with place names expanded to their aliases and misspelt words ("ceasfire", "armenains")
    /// read as the nearest word the store holds.
    /// </summary>
    public AnalyzedQuery Analyze(string question)
    {
        var terms = _analyzer.AnalyzeQuestion(question);
        for (var i = 0; i < terms.Count; i++)
        {
            if (!_index.Contains(terms[i]) && !_aliases.Knows(terms[i]) && _index.NearestTerm(terms[i]) is { } nearest)
            {
                terms[i] = nearest;
            }
        }

        return new(question, _aliases.Expand(terms));
    }

    /// <summary>
    /// Analyzes a follow-up: the previous question's topics join the query at half weight, so "and who monitored it?"
    /// still finds the corridor the conversation is about, while the new question decides what the answer must cover.
    /// </summary>
    public AnalyzedQuery Analyze(string question, string? previousQuestion)
    {
        var current = Analyze(question);
        if (string.IsNullOrWhiteSpace(previousQuestion))
        {
            return current;
        }

        var seen = current.Groups.SelectMany(g => g.Terms).ToHashSet(StringComparer.Ordinal);
        var carried = Analyze(previousQuestion).Groups
            .Where(g => !g.Terms.Any(seen.Contains))
            .Select(g => g with { Weight = g.Weight * 0.5 });
        return current with { Groups = [.. current.Groups, .. carried], Context = previousQuestion };
    }

    public IReadOnlyList<SearchHit> Search(AnalyzedQuery query, int? count = null) => _index.Search(query, count ?? _topPassages);

    /// <summary>
    /// Lexical search, fused with search by meaning when embeddings are on (the local model by default): the union of
    /// both candidate lists, ordered by reciprocal rank fusion, each hit carrying its similarity to the question so
    /// that evidence can be judged by meaning as well as by words. A passage that says "truce" can answer a question
    /// that says "armistice".
    /// </summary>
    /// <param name="depth">How many candidates each list contributes; more for an overview of the whole store.</param>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(AnalyzedQuery query, CancellationToken cancellationToken, int? depth = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_semantic is not { Enabled: true } || await _semantic.EmbedQuestionAsync(query.MeaningText, cancellationToken) is not { } vector)
        {
            return Search(query);
        }

        var perList = depth ?? Math.Max(_topPassages * 3, 20);
        var lexical = _index.Search(query, perList);
        var semantic = _semantic.Search(vector, perList);

        // Ranks weigh more than raw scores: BM25 and cosine are on different scales, and fusion by rank needs no tuning
        // per store. K = 60 is the constant of the original reciprocal rank fusion paper.
        const double K = 60;
        var fused = new Dictionary<int, (Passage? Passage, double Score)>();
        for (var rank = 0; rank < lexical.Count; rank++)
        {
            fused[lexical[rank].Passage.Id] = (lexical[rank].Passage, 1 / (K + rank + 1));
        }

        for (var rank = 0; rank < semantic.Count; rank++)
        {
            var id = semantic[rank].PassageId;
            var (passage, score) = fused.GetValueOrDefault(id);
            fused[id] = (passage, score + (1 / (K + rank + 1)));
        }

        return fused
            .OrderByDescending(f => f.Value.Score)
            .ThenBy(f => f.Key)
            .Select(f => (Passage: f.Value.Passage ?? _store.FindPassage(f.Key), f.Value.Score))
            .Where(f => f.Passage is { Retired: false })
            .Select(f => new SearchHit(f.Passage!, f.Score, _semantic.Similarity(f.Passage!.Id, vector)))
            .ToList();
    }

    public void Dispose() => _subscription.Dispose();

    private void OnChanged(StoreChange change)
    {
        if (change.PassagesRetired.Count > 0)
        {
            _index.Remove(change.PassagesRetired);
        }

        if (change.PassagesAdded.Count > 0)
        {
            _index.Add(change.PassagesAdded);
        }

        if (change.AliasesChanged)
        {
            _aliases = new AliasExpander(_store.ListAliases(), _analyzer);
        }
    }
}
