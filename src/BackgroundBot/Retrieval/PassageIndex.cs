using BackgroundBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Retrieval;

/// <summary>
/// In-memory BM25 index over live passages. Built from the store at start and kept current from the store's
/// change events: added passages are indexed, retired ones removed, so retired text is never returned.
/// </summary>
/// <remarks>
/// Terms are numbered and each holds an array of (document, frequency) postings; documents are numbered in the
/// order they were added, which is also the tie-break between equal scores. BM25's length norm is tabled by length
/// once per change. A search sums term scores into per-thread score arrays that are cleared by stamp, block by block
/// through the documents, so a block's score slots and lengths stay in cache while every query term's postings for
/// the block are read in order; each block's scores then go to a small top-k heap. Its cost follows the postings it
/// reads and it allocates only its result. A removal marks the document dead (scoring skips it) and lowers the live document frequency of its
/// terms; once dead documents make up a quarter of the index, it is compacted. Scores are summed in the query's
/// order, so they equal, to the bit, those of summing per document.
/// </remarks>
public sealed class PassageIndex
{
    // Below this many passages a batch is analysed on the calling thread; above, on all cores.
    private const int ParallelAnalysisThreshold = 512;

    // Passages analysed per chunk of a large batch: enough to keep the cores busy, few enough that their analysed
    // terms (garbage once indexed) stay small beside the index.
    private const int AnalysisChunk = 4096;

    // Documents per scoring block: 16k score slots (12 bytes) and lengths (4 bytes) fit a core's L2 cache.
    private const int BlockSize = 16 * 1024;

    // Lengths (in terms) whose norm is tabled; longer documents, rare, get theirs computed when scored.
    private const int NormTableSize = 4096;

    private readonly TextAnalyzer _analyzer;
    private readonly double _k1;
    private readonly double _b;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<PostingList> _postings = [];
    private readonly Dictionary<int, int> _docByPassage = [];
    private Passage?[] _docs = new Passage?[16];
    private int[] _lengths = new int[16];
    private bool[] _dead = new bool[16];

    // BM25's length norm for each document length up to NormTableSize, for the current average length.
    private double[] _normByLength = [];
    private int _maxLength;
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

    /// <summary>
    /// Indexes the live passages not yet indexed. A large batch (the whole store at start) goes in chunks, each
    /// visible to searches once added, so the analysed terms of only one chunk are held at a time.
    /// </summary>
    public void Add(IEnumerable<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var added = 0;
        foreach (var chunk in passages.Where(p => !p.Retired).Chunk(AnalysisChunk))
        {
            AddChunk(chunk);
            added += chunk.Length;
        }

        if (added >= ParallelAnalysisThreshold)
        {
            _lock.EnterWriteLock();
            try
            {
                foreach (var list in _postings)
                {
                    list.TrimExcess();
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }

    private void AddChunk(Passage[] chunk)
    {
        // Analysis is most of the cost of indexing and needs no lock, so it happens before the write lock is taken.
        var terms = new List<string>[chunk.Length];
        if (chunk.Length >= ParallelAnalysisThreshold)
        {
            Parallel.For(0, chunk.Length, i => terms[i] = _analyzer.AnalyzeDocument(chunk[i].Text));
        }
        else
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                terms[i] = _analyzer.AnalyzeDocument(chunk[i].Text);
            }
        }

        _lock.EnterWriteLock();
        try
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!_docByPassage.ContainsKey(chunk[i].Id))
                {
                    AddDocument(chunk[i], terms[i]);
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
                _dead[doc] = true;
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

    /// <summary>How many live passages hold <paramref name="term"/>.</summary>
    public int Frequency(string term)
    {
        _lock.EnterReadLock();
        try
        {
            return DocumentFrequency(term);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Whether any live passage holds <paramref name="term"/> (an analysed term).</summary>
    public bool Contains(string term)
    {
        _lock.EnterReadLock();
        try
        {
            return DocumentFrequency(term) > 0;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The live term closest in spelling to <paramref name="term"/>, which no passage holds: one edit away, or two for
    /// long words, the most common on a tie. Null when none is that close. "ceasfir" finds "ceasefir".
    /// </summary>
    public string? NearestTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        // Short words are too close to other real words ("heard" is one letter from "head") to be corrected.
        var max = term.Length >= 9 ? 2 : term.Length >= 6 ? 1 : 0;
        if (max == 0 || term.Any(char.IsDigit))
        {
            return null;
        }

        _lock.EnterReadLock();
        try
        {
            string? best = null;
            var bestDistance = max + 1;
            var bestFrequency = 0;
            foreach (var (candidate, termId) in _termIds)
            {
                var frequency = _postings[termId].LiveCount;
                if (frequency == 0 || Math.Abs(candidate.Length - term.Length) > max || candidate[0] != term[0])
                {
                    continue;
                }

                var distance = Text.EditDistance.Bounded(term, candidate, max);
                if (distance < bestDistance || (distance == bestDistance && distance <= max && frequency > bestFrequency))
                {
                    (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
                }
            }

            return bestDistance <= max ? best : null;
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
            var bm25 = new Bm25(_k1, _b, (double)_totalLength / _liveCount, _normByLength, _lengths, _deadCount > 0 ? _dead : null);
            var top = scratch.Top;
            var plans = Plan(query.Groups, scratch);

            // Document blocks small enough for their score slots to stay in the core's cache while every group's
            // postings for the block are added (each document still gets its groups' scores in the query's order),
            // and while the block's finished scores are offered to the top hits.
            top.Reset(Math.Min(count, _liveCount));
            for (var low = 0; low < _docCount; low += BlockSize)
            {
                var end = Math.Min(low + BlockSize, _docCount);
                var firstTouched = total.TouchedCount;
                foreach (var plan in plans)
                {
                    if (plan.Lists.Length == 1)
                    {
                        ScoreSingle(plan, end, total, bm25);
                    }
                    else
                    {
                        ScoreMerged(plan, end, total, bm25);
                    }
                }

                foreach (var doc in total.Touched[firstTouched..])
                {
                    top.Offer(doc, total[doc]);
                }
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
    // Each group becomes its live terms' posting lists, in the query's order, with a read position in each.
    private GroupPlan[] Plan(IReadOnlyList<QueryGroup> groups, QueryScratch scratch)
    {
        var plans = new List<GroupPlan>(groups.Count);
        var tables = 0;
        foreach (var group in groups)
        {
            var lists = new List<(PostingList List, int Alternative)>();
            for (var a = 0; a < group.Alternatives.Count; a++)
            {
                var alternative = group.Alternatives[a];
                for (var i = 0; i < alternative.Count; i++)
                {
                    if (IsFirstOccurrence(alternative, i) && _termIds.TryGetValue(alternative[i], out var termId)
                        && _postings[termId] is { LiveCount: > 0 } list)
                    {
                        lists.Add((list, a));
                    }
                }
            }

            if (lists.Count == 0)
            {
                continue;
            }

            // A long list gets a table of its scores by (frequency, length), sparing most divisions.
            var scoreTables = new TermScoreTable?[lists.Count];
            for (var i = 0; i < lists.Count; i++)
            {
                if (lists[i].List.Count >= TermScoreTable.MinimumPostings)
                {
                    scoreTables[i] = scratch.TermScores(tables++);
                    scoreTables[i]!.Clear();
                }
            }

            // A group of synonyms is one concept: it is as rare as all its names together, not as its rarest name,
            // or "outbreak" (in two passages) would make "when did the blockade start?" about outbreaks. A place's names
            // keep their own rarity: "Berdzor" must not become as common as "Lachin".
            var groupFrequency = Math.Min(_liveCount, lists.Where(l => group.Alternatives[l.Alternative].Count == 1).Sum(l => l.List.LiveCount));
            var groupIdf = group.Synonyms && groupFrequency > 0 ? Bm25Idf(groupFrequency) : double.MaxValue;
            plans.Add(new GroupPlan(
                [.. lists.Select(l => l.List)],
                [.. lists.Select(l => Math.Min(groupIdf, Bm25Idf(l.List.LiveCount)))],
                [.. lists.Select(l => l.Alternative)],
                new int[lists.Count],
                group.Weight,
                scoreTables));
        }

        return [.. plans];
    }

    // A single word: its score is the group's score (counted only when positive, as a best-of-alternatives would),
    // weighted and added straight into the total.
    private static void ScoreSingle(GroupPlan plan, int end, SparseScores total, in Bm25 bm25)
    {
        var postings = plan.Lists[0].Postings;
        var idf = plan.Idfs[0];
        var weight = plan.Weight;
        var table = plan.Tables[0];
        var at = plan.Positions[0];
        for (; at < postings.Length; at++)
        {
            var posting = postings[at];
            if (posting.Doc >= end)
            {
                break;
            }

            if (!bm25.IsDead(posting.Doc))
            {
                var score = table is null ? bm25.Score(idf, posting) : table.Score(bm25, idf, posting);
                if (score > 0)
                {
                    total.Add(posting.Doc, score * weight);
                }
            }
        }

        plan.Positions[0] = at;
    }

    // A name with aliases, or of several words: its posting lists are walked together in document order (they are
    // sorted), so each document's alternatives are summed and compared on the spot and the total is written once,
    // with no per-document scratch to fill and read back.
    private static void ScoreMerged(GroupPlan plan, int end, SparseScores total, in Bm25 bm25)
    {
        var lists = plan.Lists;
        var positions = plan.Positions;
        var alternativeOf = plan.AlternativeOf;
        var n = lists.Length;
        while (true)
        {
            var doc = int.MaxValue;
            for (var i = 0; i < n; i++)
            {
                if (positions[i] < lists[i].Count)
                {
                    doc = Math.Min(doc, lists[i][positions[i]].Doc);
                }
            }

            if (doc >= end)
            {
                return;
            }

            var dead = bm25.IsDead(doc);
            var best = 0.0;
            var matched = false;
            var sum = 0.0;
            var any = false;
            for (var i = 0; i < n; i++)
            {
                if (i > 0 && alternativeOf[i] != alternativeOf[i - 1])
                {
                    (matched, best) = any && sum > best ? (true, sum) : (matched, best);
                    sum = 0;
                    any = false;
                }

                if (positions[i] < lists[i].Count && lists[i][positions[i]] is { } posting && posting.Doc == doc)
                {
                    positions[i]++;
                    if (!dead)
                    {
                        sum += plan.Tables[i] is { } table ? table.Score(bm25, plan.Idfs[i], posting) : bm25.Score(plan.Idfs[i], posting);
                        any = true;
                    }
                }
            }

            (matched, best) = any && sum > best ? (true, sum) : (matched, best);
            if (matched)
            {
                total.Add(doc, best * plan.Weight);
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
            Array.Resize(ref _dead, size);
        }

        var doc = _docCount++;
        _docs[doc] = passage;
        _lengths[doc] = terms.Count;
        _dead[doc] = false;
        _maxLength = Math.Max(_maxLength, terms.Count);
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
        Array.Clear(_dead, 0, _docCount);
        _docCount = live;
        _deadCount = 0;
        foreach (var list in _postings)
        {
            list.Compact(newDoc);
        }
    }

    // BM25's length norm depends on the average length, which every change moves; it is tabled by length here,
    // with the expression Bm25.Norm uses for lengths beyond the table, so both give the same value.
    private void UpdateNorms()
    {
        var averageLength = _liveCount == 0 ? 1 : (double)_totalLength / _liveCount;
        var size = Math.Min(_maxLength + 1, NormTableSize);
        var table = new double[size];
        for (var length = 0; length < size; length++)
        {
            table[length] = Bm25.Norm(_k1, _b, length, averageLength);
        }

        _normByLength = table;
    }

    private int DocumentFrequency(string term) => _termIds.TryGetValue(term, out var termId) ? _postings[termId].LiveCount : 0;

    private double Bm25Idf(int df) => Math.Log(1 + ((_liveCount - df + 0.5) / (df + 0.5)));
}
