using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Tests.Retrieval;

/// <summary>
/// The array-based index against the straightforward BM25 it replaced (kept below as the reference): same hits,
/// same scores to the bit, same tie order, through adds, removals and compaction.
/// </summary>
public sealed class PassageIndexTests
{
    private static readonly string[] Words =
    [
        "corridor", "Lachin", "Stepanakert", "Khankendi", "peacekeepers", "Russian", "ceasefire", "talks", "Minsk",
        "Group", "OSCE", "Bishkek", "protocol", "1994", "2020", "2023", "blockade", "road", "villages", "Shusha",
        "Shushi", "refugees", "border", "troops", "offensive", "statement", "November", "monitored", "humanitarian",
        "aid", "convoy", "checkpoint", "negotiators", "Brussels", "Moscow", "signed", "signing", "war", "weeks",
    ];

    private static readonly TextAnalyzer Analyzer = new();

    [Fact]
    public void Search_ranks_exactly_as_plain_bm25_through_adds_and_removals()
    {
        var random = new Random(7);
        var index = new PassageIndex(Analyzer, Options.Create(new RetrievalOptions()));
        var reference = new ReferenceIndex();
        var nextId = 1;
        for (var round = 0; round < 6; round++)
        {
            var added = Enumerable.Range(0, 60).Select(_ => Passage(nextId++, random)).ToList();
            index.Add(added);
            reference.Add(added);

            // Retire a random fifth of what is live; the dead share crosses the compaction bar in later rounds.
            var retired = reference.LiveIds.Where(_ => random.Next(5) == 0).ToList();
            index.Remove(retired);
            reference.Remove(retired);

            Assert.Equal(reference.LiveIds.Count(), index.Count);
            for (var q = 0; q < 40; q++)
            {
                var query = Query(random);
                var expected = reference.Search(query, 7);
                var actual = index.Search(query, 7);
                Assert.Equal(expected.Select(h => (h.Passage.Id, h.Score)), actual.Select(h => (h.Passage.Id, h.Score)));
            }

            foreach (var word in Words)
            {
                var term = Analyzer.AnalyzeDocument(word)[0];
                Assert.Equal(reference.Idf(term), index.Idf(term));
            }
        }
    }

    [Fact]
    public void Search_ranks_exactly_as_plain_bm25_across_scoring_blocks()
    {
        // More passages than one scoring block holds (16k), with removals, so hits come from several blocks.
        var random = new Random(11);
        var index = new PassageIndex(Analyzer, Options.Create(new RetrievalOptions()));
        var reference = new ReferenceIndex();
        var passages = Enumerable.Range(1, 40_000).Select(i => Passage(i, random, maxWords: 6)).ToList();
        index.Add(passages);
        reference.Add(passages);
        var retired = Enumerable.Range(1, 40_000).Where(i => i % 7 == 0).ToList();
        index.Remove(retired);
        reference.Remove(retired);

        for (var q = 0; q < 30; q++)
        {
            var query = Query(random);
            Assert.Equal(
                reference.Search(query, 10).Select(h => (h.Passage.Id, h.Score)),
                index.Search(query, 10).Select(h => (h.Passage.Id, h.Score)));
        }
    }

    [Theory]
    [InlineData(AliasKind.Place, 2)]
    [InlineData(AliasKind.Term, 1)]
    public void A_place_name_keeps_its_own_rarity_while_synonyms_weigh_as_one_concept(AliasKind kind, int expectedFirst)
    {
        // "Berdzor" is in one passage, its other name "Lachin" in forty. A question naming Berdzor is about the rare
        // name: the passage that uses it must win over one that only shares the common name. Synonyms are the other
        // way round: a rare synonym must not outweigh the concept everyone else words differently.
        var index = new PassageIndex(Analyzer, Options.Create(new RetrievalOptions()));
        index.Add([
            new Passage { Id = 1, Text = "Turnout in the Lachin local elections was low." },
            new Passage { Id = 2, Text = "Turnout in the Berdzor local elections was low." },
            .. Enumerable.Range(3, 40).Select(i => new Passage { Id = i, Text = $"Convoy number {i} passed along the Lachin corridor road." }),
        ]);
        var expander = new AliasExpander([new AliasGroup { Names = ["Berdzor", "Lachin"], Kind = kind }], Analyzer);
        const string question = "What was the turnout in the Berdzor local elections?";

        var hits = index.Search(new AnalyzedQuery(question, expander.Expand(Analyzer.AnalyzeQuestion(question))), 2);

        Assert.Equal(expectedFirst, hits[0].Passage.Id);
        Assert.Equal(kind == AliasKind.Term, hits[0].Score == hits[1].Score);
    }

    [Fact]
    public void Retired_passages_are_never_indexed_or_returned()
    {
        var index = new PassageIndex(Analyzer, Options.Create(new RetrievalOptions()));
        index.Add([
            new Passage { Id = 1, Text = "Peacekeepers monitored the Lachin corridor." },
            new Passage { Id = 2, Text = "Peacekeepers left the corridor.", Retired = true },
            new Passage { Id = 3, Text = "The corridor was blockaded." },
        ]);
        index.Remove([3]);

        var hits = index.Search(new AnalyzedQuery("corridor", [QueryGroup.Single("corridor")]), 10);

        Assert.Equal([1], hits.Select(h => h.Passage.Id));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public async Task Readers_see_a_consistent_index_while_writers_add_and_remove()
    {
        var index = new PassageIndex(Analyzer, Options.Create(new RetrievalOptions()));
        var random = new Random(3);
        index.Add(Enumerable.Range(1, 200).Select(i => Passage(i, random)).ToList());
        var query = new AnalyzedQuery("corridor peacekeepers", [QueryGroup.Single("corridor"), QueryGroup.Single("peacekeep")]);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var searches = 0;
            while (!stop.IsCancellationRequested || searches == 0)
            {
                var hits = index.Search(query, 5);
                Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
                searches++;
            }
        })).ToArray();

        var writerRandom = new Random(4);
        for (var i = 0; i < 30; i++)
        {
            index.Add(Enumerable.Range(0, 10).Select(j => Passage(1000 + (i * 10) + j, writerRandom)).ToList());
            index.Remove(Enumerable.Range(1 + (i * 5), 5));
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(200 + 300 - 150, index.Count);
    }

    private static Passage Passage(int id, Random random, int maxWords = 40) => new()
    {
        Id = id,
        Text = string.Join(' ', Enumerable.Range(0, random.Next(3, maxWords)).Select(_ => Words[random.Next(Words.Length)])) + ".",
    };

    // Single words, multi-word names, alias groups with several alternatives (one repeating a term), and a
    // follow-up's half-weight group, as Retriever builds them.
    private static AnalyzedQuery Query(Random random)
    {
        IReadOnlyList<string> Terms(int count) =>
            Enumerable.Range(0, count).Select(_ => Analyzer.AnalyzeDocument(Words[random.Next(Words.Length)])[0]).ToList();

        var groups = new List<QueryGroup>();
        for (var g = random.Next(1, 5); g > 0; g--)
        {
            var alternatives = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Terms(random.Next(1, 4))).ToList();
            groups.Add(new QueryGroup(alternatives, random.Next(4) == 0 ? 0.5 : 1.0, Synonyms: random.Next(2) == 0));
        }

        groups.Add(QueryGroup.Single("absent"));
        return new AnalyzedQuery("generated", groups);
    }

    /// <summary>The dictionary-per-query BM25 the index replaced, kept as the definition of its ranking.</summary>
    private sealed class ReferenceIndex
    {
        private readonly Dictionary<string, List<(int Doc, int Frequency)>> _postings = new(StringComparer.Ordinal);
        private readonly List<Passage?> _docs = [];
        private readonly List<int> _lengths = [];
        private readonly Dictionary<int, int> _docByPassage = [];
        private long _totalLength;
        private int _liveCount;

        public IEnumerable<int> LiveIds => _docByPassage.Keys.ToList();

        public void Add(IEnumerable<Passage> passages)
        {
            foreach (var passage in passages)
            {
                var doc = _docs.Count;
                var terms = Analyzer.AnalyzeDocument(passage.Text);
                _docs.Add(passage);
                _lengths.Add(terms.Count);
                _docByPassage[passage.Id] = doc;
                _totalLength += terms.Count;
                _liveCount++;
                foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
                {
                    if (!_postings.TryGetValue(group.Key, out var list))
                    {
                        _postings[group.Key] = list = [];
                    }

                    list.Add((doc, group.Count()));
                }
            }
        }

        public void Remove(IEnumerable<int> ids)
        {
            foreach (var id in ids)
            {
                _docByPassage.Remove(id, out var doc);
                _totalLength -= _lengths[doc];
                _liveCount--;
                foreach (var term in Analyzer.AnalyzeDocument(_docs[doc]!.Text).Distinct(StringComparer.Ordinal))
                {
                    _postings[term].RemoveAll(p => p.Doc == doc);
                    if (_postings[term].Count == 0)
                    {
                        _postings.Remove(term);
                    }
                }

                _docs[doc] = null;
            }
        }

        public double Idf(string term) => Math.Log(1 + ((_liveCount - Df(term) + 0.5) / (Df(term) + 0.5)));

        public List<SearchHit> Search(AnalyzedQuery query, int count)
        {
            const double K1 = 1.2, B = 0.75;
            var averageLength = (double)_totalLength / _liveCount;
            var scores = new Dictionary<int, double>();
            foreach (var group in query.Groups)
            {
                // A group of synonyms is one concept: no word is rarer than all of them together. Names keep their own.
                var together = Math.Min(_liveCount, group.Alternatives.Where(a => a.Count == 1).Sum(a => Df(a[0])));
                var groupIdf = group.Synonyms && together > 0 ? Math.Log(1 + ((_liveCount - together + 0.5) / (together + 0.5))) : double.MaxValue;
                var groupScores = new Dictionary<int, double>();
                foreach (var alternative in group.Alternatives)
                {
                    var alternativeScores = new Dictionary<int, double>();
                    foreach (var term in alternative.Distinct(StringComparer.Ordinal))
                    {
                        if (!_postings.TryGetValue(term, out var postings))
                        {
                            continue;
                        }

                        var idf = Math.Min(groupIdf, Idf(term));
                        foreach (var (doc, frequency) in postings)
                        {
                            var norm = K1 * (1 - B + (B * _lengths[doc] / averageLength));
                            alternativeScores[doc] = alternativeScores.GetValueOrDefault(doc) + (idf * frequency * (K1 + 1) / (frequency + norm));
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

            return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(count)
                .Select(s => new SearchHit(_docs[s.Key]!, s.Value)).ToList();
        }

        private int Df(string term) => _postings.TryGetValue(term, out var list) ? list.Count : 0;
    }
}
