using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Benchmarks.Fixtures;

/// <summary>
/// Our retrieval without the store: the analyzer, the shipped aliases and a <see cref="PassageIndex"/> over the
/// corpus, with passage ids 1..n in corpus order. Questions are analysed exactly as <see cref="Retriever"/> does.
/// </summary>
public sealed class InMemoryBot : IDisposable
{
    private readonly AliasExpander _aliases;

    public InMemoryBot(IReadOnlyList<string> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        Analyzer = new TextAnalyzer();
        _aliases = new AliasExpander(StoreSeeder.LoadAliases(Path.Combine(StoreSeeder.DataDirectory, "aliases.json")), Analyzer);
        Index = Build(Analyzer, passages);
    }

    public TextAnalyzer Analyzer { get; }

    public PassageIndex Index { get; }

    public static IReadOnlyList<Passage> ToPassages(IReadOnlyList<string> passages) =>
        passages.Select((text, i) => new Passage { Id = i + 1, ArticleId = 1, Ordinal = i + 1, Text = text, Length = text.Length }).ToList();

    public static PassageIndex Build(TextAnalyzer analyzer, IReadOnlyList<string> passages)
    {
        var index = new PassageIndex(analyzer, Options.Create(new RetrievalOptions()));
        index.Add(ToPassages(passages));
        return index;
    }

    public AnalyzedQuery Analyze(string question) => new(question, _aliases.Expand(Analyzer.AnalyzeQuestion(question)));

    public IReadOnlyList<SearchHit> Search(string question, int count) => Index.Search(Analyze(question), count);

    /// <summary>The corpus passage number of each hit, best first.</summary>
    public IReadOnlyList<int> SearchPassages(string question, int count) => Search(question, count).Select(h => h.Passage.Id - 1).ToList();

    public void Dispose() => Analyzer.Dispose();
}
