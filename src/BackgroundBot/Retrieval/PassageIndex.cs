using BackgroundBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Retrieval;

/// <summary>
/// In-memory BM25 index over live passages. Built from the store at start and kept current from the store's
/// change events: added passages are indexed, retired ones removed, so retired text is never returned.
/// </summary>
public sealed class PassageIndex
{
    private readonly TextAnalyzer _analyzer;
    private readonly double _k1;
    private readonly double _b;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, List<Posting>> _postings = new(StringComparer.Ordinal);
    private readonly List<Passage?> _docs = [];
    private readonly List<int> _lengths = [];
    private readonly Dictionary<int, int> _docByPassage = [];
    private long _totalLength;
    private int _liveCount;

    public PassageIndex(TextAnalyzer analyzer, IOptions<RetrievalOptions> options)
    {
        _analyzer = analyzer;
        _k1 = options.Value.K1;
        _b = options.Value.B;
    }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _liveCount;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Add(IEnumerable<Passage> passages)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var passage in passages)
            {
                if (passage.Retired || _docByPassage.ContainsKey(passage.Id))
                {
                    continue;
                }

                var doc = _docs.Count;
                var terms = _analyzer.AnalyzeDocument(passage.Text);
                _docs.Add(passage);
                _lengths.Add(terms.Count);
                _docByPassage[passage.Id] = doc;
                _totalLength += terms.Count;
                _liveCount++;
                foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
                {
                    if (!_postings.TryGetValue(group.Key, out var list))
                    {
                        list = [];
                        _postings[group.Key] = list;
                    }

                    list.Add(new Posting(doc, group.Count()));
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(IEnumerable<int> passageIds)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in passageIds)
            {
                if (!_docByPassage.Remove(id, out var doc))
                {
                    continue;
                }

                var passage = _docs[doc]!;
                _docs[doc] = null;
                _totalLength -= _lengths[doc];
                _liveCount--;
                foreach (var term in _analyzer.AnalyzeDocument(passage.Text).Distinct(StringComparer.Ordinal))
                {
                    if (_postings.TryGetValue(term, out var list))
                    {
                        list.RemoveAll(p => p.Doc == doc);
                        if (list.Count == 0)
                        {
                            _postings.Remove(term);
                        }
                    }
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>BM25 inverse document frequency; a term no live passage holds gets the highest value.</summary>
    public double Idf(string term)
    {
        _lock.EnterReadLock();
        try
        {
            return IdfUnlocked(term);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The top <paramref name="count"/> live passages for the query; an alias group scores by its best name.</summary>
    public IReadOnlyList<SearchHit> Search(AnalyzedQuery query, int count)
    {
        _lock.EnterReadLock();
        try
        {
            if (_liveCount == 0 || query.IsEmpty)
            {
                return [];
            }

            var averageLength = (double)_totalLength / _liveCount;
            var scores = new Dictionary<int, double>();
            var groupScores = new Dictionary<int, double>();
            foreach (var group in query.Groups)
            {
                groupScores.Clear();
                foreach (var alternative in group.Alternatives)
                {
                    var alternativeScores = new Dictionary<int, double>();
                    foreach (var term in alternative.Distinct(StringComparer.Ordinal))
                    {
                        if (!_postings.TryGetValue(term, out var postings))
                        {
                            continue;
                        }

                        var idf = IdfUnlocked(term);
                        foreach (var posting in postings)
                        {
                            var norm = _k1 * (1 - _b + (_b * _lengths[posting.Doc] / averageLength));
                            var score = idf * posting.Frequency * (_k1 + 1) / (posting.Frequency + norm);
                            alternativeScores[posting.Doc] = alternativeScores.GetValueOrDefault(posting.Doc) + score;
                        }
                    }

                    foreach (var (doc, score) in alternativeScores)
                    {
                        if (score > groupScores.GetValueOrDefault(doc))
                        {
                            groupScores[doc] = score;
                        }
                    }
                }

                foreach (var (doc, score) in groupScores)
                {
                    scores[doc] = scores.GetValueOrDefault(doc) + (score * group.Weight);
                }
            }

            return scores
                .OrderByDescending(s => s.Value)
                .ThenBy(s => s.Key)
                .Take(count)
                .Select(s => new SearchHit(_docs[s.Key]!, s.Value))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The weight BM25 gives a term that <paramref name="documentFrequency"/> live passages hold.</summary>
    public double IdfForDocumentFrequency(int documentFrequency)
    {
        _lock.EnterReadLock();
        try
        {
            return Bm25Idf(documentFrequency);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private double IdfUnlocked(string term) => Bm25Idf(_postings.TryGetValue(term, out var list) ? list.Count : 0);

    private double Bm25Idf(int df) => Math.Log(1 + ((_liveCount - df + 0.5) / (df + 0.5)));

    private readonly record struct Posting(int Doc, int Frequency);
}
