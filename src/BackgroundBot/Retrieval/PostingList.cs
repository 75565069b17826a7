namespace BackgroundBot.Retrieval;

/// <summary>
/// The passages that hold one term, in ascending document order, with the term's frequency in each. Appended to as
/// passages are indexed; entries of removed passages stay until the index compacts, so <see cref="LiveCount"/>
/// (the document frequency BM25 uses) is kept apart from <see cref="Count"/>.
/// </summary>
internal sealed class PostingList
{
    private Posting[] _postings = new Posting[2];

    public int Count { get; private set; }

    public int LiveCount { get; set; }

    public ReadOnlySpan<Posting> Postings => _postings.AsSpan(0, Count);

    public void Add(int doc, int frequency)
    {
        if (Count == _postings.Length)
        {
            Array.Resize(ref _postings, _postings.Length * 2);
        }

        _postings[Count++] = new Posting(doc, frequency);
        LiveCount++;
    }

    public Posting this[int index] => _postings[index];

    /// <summary>Drops removed documents and renumbers the rest; <paramref name="newDoc"/> is -1 for a removed one.</summary>
    public void Compact(int[] newDoc)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            var doc = newDoc[_postings[i].Doc];
            if (doc >= 0)
            {
                _postings[kept++] = _postings[i] with { Doc = doc };
            }
        }

        Count = kept;
        LiveCount = kept;
        TrimExcess();
    }

    /// <summary>Gives back the spare room doubling left, once a bulk load is done.</summary>
    public void TrimExcess()
    {
        if (_postings.Length > 4 && _postings.Length > Count + (Count / 8))
        {
            Array.Resize(ref _postings, Math.Max(Count, 2));
        }
    }
}
