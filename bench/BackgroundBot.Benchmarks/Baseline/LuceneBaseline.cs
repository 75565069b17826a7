using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace BackgroundBot.Benchmarks.Baseline;

/// <summary>
/// The yardstick: Lucene.Net as one would use it out of the box for the same job. English analyzer, BM25 (k1 1.2,
/// b 0.75, as ours), an in-memory directory merged to one segment after indexing (its fastest shape for queries),
/// the passage text stored so hits can be shown, and a question turned into an OR of its analysed terms, which is
/// what the classic query parser produces.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly EnglishAnalyzer _analyzer = new(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly NumericDocValues _passageNumbers;

    public LuceneBaseline(IReadOnlyList<string> passages, bool storeText = true)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            var text = new TextField("text", string.Empty, storeText ? Field.Store.YES : Field.Store.NO);
            var number = new NumericDocValuesField("n", 0);
            var document = new Document { text, number };
            for (var i = 0; i < passages.Count; i++)
            {
                text.SetStringValue(passages[i]);
                number.SetInt64Value(i);
                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _passageNumbers = MultiDocValues.GetNumericValues(_reader, "n");
    }

    public int Count => _reader.NumDocs;

    public Query Parse(string question)
    {
        var query = new BooleanQuery();
        using var stream = _analyzer.GetTokenStream("text", question);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
        }

        stream.End();
        return query;
    }

    public TopDocs Search(string question, int count) => _searcher.Search(Parse(question), count);

    /// <summary>The corpus passage number of each hit, best first.</summary>
    public IReadOnlyList<int> SearchPassages(string question, int count) =>
        Search(question, count).ScoreDocs.Select(d => (int)_passageNumbers.Get(d.Doc)).ToList();

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
