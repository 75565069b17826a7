using BackgroundBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Retrieval;

/// <summary>
/// In-memory BM25 index over live passages. Built from the store at start and kept current from the store's
/// change events: added passages are indexed, retired ones removed, so retired text is never returned.
/// </summary>
/// <remarks>
/// Terms are numbered and each holds an array of (document, frequency) postings; documents are numbered in the
/// order they were added, which is also the tie-break between equal scores. Each document's BM25 length norm is
/// computed once per change rather than once per posting. A search sums term scores into per-thread score arrays
/// that are cleared by stamp, then keeps the best hits in a small heap, so its cost follows the postings it reads
/// and it allocates only its result. A removal marks the document dead (its norm becomes NaN, which scoring skips)
/// and lowers the live document frequency of its terms; once dead documents make up a quarter of the index, it is
/// compacted.
/// </remarks>
public sealed class PassageIndex
{
    // Below this many passages a batch is analysed on the calling thread; above, on all cores.
    private const int ParallelAnalysisThreshold = 512;

    private readonly TextAnalyzer _analyzer;
    private readonly double _k1;
    private readonly double _b;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<PostingList> _postings = [];
    private readonly Dictionary<int, int> _docByPassage = [];
    private Passage?[] _docs = new Passage?[16];
    private int[] _lengths = new int[16];
    private double[] _norms = new double[16];
    private int _docCount;
    private int _deadCount;
    private long _totalLength;
    private int _liveCount;

    // Write-side scratch: term frequencies of the document being added, by term id.
    private int[] _frequencyByTerm = new int[1024];
    private readonly List<int> _docTerms = [];

    public PassageIndex(TextAnalyzer analyzer, IOptions<RetrievalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
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
        // Analysis is most of the cost of indexing and needs no lock, so it happens before the write lock is taken.
        var batch = passages.Where(p => !p.Retired).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        var terms = new List<string>[batch.Count];
        if (batch.Count >= ParallelAnalysisThreshold)
        {
            Parallel.For(0, batch.Count, i => terms[i] = _analyzer.AnalyzeDocument(batch[i].Text));
        }
        else
        {
            for (var i = 0; i < batch.Count; i++)
            {
                terms[i] = _analyzer.AnalyzeDocument(batch[i].Text);
            }
        }

        _lock.EnterWriteLock();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (!_docByPassage.ContainsKey(batch[i].Id))
                {
                    AddDocument(batch[i], terms[i]);
                }
            }

            if (batch.Count >= ParallelAnalysisThreshold)
            {
                foreach (var list in _postings)
                {
                    list.TrimExcess();
                }
            }

            UpdateNorms();
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
            var removed = false;
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
                _deadCount++;
                removed = true;
                foreach (var term in _analyzer.AnalyzeDocument(passage.Text).Distinct(StringComparer.Ordinal))
                {
                    if (_termIds.TryGetValue(term, out var termId))
                    {
                        _postings[termId].LiveCount--;
                    }
                }
            }

            if (!removed)
            {
                return;
            }

            if (_deadCount * 4 >= _docCount)
            {
                Compact();
            }

            UpdateNorms();
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
            return Bm25Idf(DocumentFrequency(term));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The top <paramref name="count"/> live passages for the query; an alias group scores by its best name.</summary>
    public IReadOnlyList<SearchHit> Search(AnalyzedQuery query, int count)
    {
        ArgumentNullException.ThrowIfNull(query);
        _lock.EnterReadLock();
        try
        {
            if (_liveCount == 0 || query.IsEmpty || count <= 0)
            {
                return [];
            }

            var scratch = QueryScratch.ForThisThread();
            var total = scratch.Total;
            total.Reset(_docCount);
            foreach (var group in query.Groups)
            {
                ScoreGroup(group, scratch);
            }

            var top = scratch.Top;
            top.Reset(Math.Min(count, total.TouchedCount));
            foreach (var doc in total.Touched)
            {
                top.Offer(doc, total[doc]);
            }

            // The usual handful of hits drains on the stack; a caller asking for thousands gets arrays.
            Span<int> docs = top.Count <= 256 ? stackalloc int[top.Count] : new int[top.Count];
            Span<double> scores = top.Count <= 256 ? stackalloc double[top.Count] : new double[top.Count];
            top.Drain(docs, scores);
            var hits = new SearchHit[docs.Length];
            for (var i = 0; i < hits.Length; i++)
            {
                hits[i] = new SearchHit(_docs[docs[i]]!, scores[i]);
            }

            return hits;
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

    // A group scores a document by its best alternative; an alternative by the sum of its distinct terms' scores.
    // The sums run in the order of the query's terms, so scores (and so ties) are the same as summing per document.
    private void ScoreGroup(QueryGroup group, QueryScratch scratch)
    {
        var weight = group.Weight;
        var alternatives = group.Alternatives;
        if (alternatives.Count == 1 && alternatives[0].Count == 1)
        {
            // The common case, a single word: its score is the group's score, added straight into the total.
            if (_termIds.TryGetValue(alternatives[0][0], out var termId))
            {
                AddTermScores(_postings[termId], scratch.Total, weight);
            }

            return;
        }

        var best = scratch.Group;
        best.Reset(_docCount);
        foreach (var alternative in alternatives)
        {
            var sum = scratch.Alternative;
            sum.Reset(_docCount);
            for (var i = 0; i < alternative.Count; i++)
            {
                if (!IsFirstOccurrence(alternative, i) || !_termIds.TryGetValue(alternative[i], out var termId))
                {
                    continue;
                }

                AddTermScores(_postings[termId], sum, weight: null);
            }

            foreach (var doc in sum.Touched)
            {
                best.Max(doc, sum[doc]);
            }
        }

        var total = scratch.Total;
        foreach (var doc in best.Touched)
        {
            total.Add(doc, best[doc] * weight);
        }
    }

    // Adds the term's BM25 score for each live document holding it; with a weight, the score is a whole group's
    // and is weighted as one (a group's score counts only when positive, as a best-of-alternatives would).
    private void AddTermScores(PostingList list, SparseScores scores, double? weight)
    {
        if (list.LiveCount == 0)
        {
            return;
        }

        var idf = Bm25Idf(list.LiveCount);
        var saturation = _k1 + 1;
        var norms = _norms;
        foreach (var posting in list.Postings)
        {
            var norm = norms[posting.Doc];
            if (double.IsNaN(norm))
            {
                continue;
            }

            var score = idf * posting.Frequency * saturation / (posting.Frequency + norm);
            if (weight is not { } w)
            {
                scores.Add(posting.Doc, score);
            }
            else if (score > 0)
            {
                scores.Add(posting.Doc, score * w);
            }
        }
    }

    private static bool IsFirstOccurrence(IReadOnlyList<string> terms, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(terms[j], terms[index], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void AddDocument(Passage passage, List<string> terms)
    {
        if (_docCount == _docs.Length)
        {
            var size = _docs.Length * 2;
            Array.Resize(ref _docs, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _norms, size);
        }

        var doc = _docCount++;
        _docs[doc] = passage;
        _lengths[doc] = terms.Count;
        _docByPassage[passage.Id] = doc;
        _totalLength += terms.Count;
        _liveCount++;

        // Count each term's frequency by term id, then post the distinct terms in first-seen order.
        foreach (var term in terms)
        {
            if (!_termIds.TryGetValue(term, out var termId))
            {
                termId = _postings.Count;
                _termIds.Add(term, termId);
                _postings.Add(new PostingList());
                if (termId == _frequencyByTerm.Length)
                {
                    Array.Resize(ref _frequencyByTerm, termId * 2);
                }
            }

            if (_frequencyByTerm[termId]++ == 0)
            {
                _docTerms.Add(termId);
            }
        }

        foreach (var termId in _docTerms)
        {
            _postings[termId].Add(doc, _frequencyByTerm[termId]);
            _frequencyByTerm[termId] = 0;
        }

        _docTerms.Clear();
    }

    // Renumbers the live documents densely, in their old order, so ties still break the same way.
    private void Compact()
    {
        var newDoc = new int[_docCount];
        var live = 0;
        for (var doc = 0; doc < _docCount; doc++)
        {
            if (_docs[doc] is { } passage)
            {
                newDoc[doc] = live;
                _docs[live] = passage;
                _lengths[live] = _lengths[doc];
                _docByPassage[passage.Id] = live;
                live++;
            }
            else
            {
                newDoc[doc] = -1;
            }
        }

        Array.Clear(_docs, live, _docCount - live);
        _docCount = live;
        _deadCount = 0;
        foreach (var list in _postings)
        {
            list.Compact(newDoc);
        }
    }

    // BM25's length norm depends on the average length, which every change moves; dead documents get NaN.
    private void UpdateNorms()
    {
        var averageLength = _liveCount == 0 ? 1 : (double)_totalLength / _liveCount;
        for (var doc = 0; doc < _docCount; doc++)
        {
            _norms[doc] = _docs[doc] is null ? double.NaN : _k1 * (1 - _b + (_b * _lengths[doc] / averageLength));
        }
    }

    private int DocumentFrequency(string term) => _termIds.TryGetValue(term, out var termId) ? _postings[termId].LiveCount : 0;

    private double Bm25Idf(int df) => Math.Log(1 + ((_liveCount - df + 0.5) / (df + 0.5)));
}
