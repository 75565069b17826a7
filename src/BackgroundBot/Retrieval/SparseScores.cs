namespace BackgroundBot.Retrieval;

/// <summary>
/// Per-document scores for one query, dense by document number but cleared in time proportional to the documents
/// touched: a slot counts only when its stamp is the current one, so clearing is bumping the stamp.
/// </summary>
internal sealed class SparseScores
{
    private double[] _values = [];
    private int[] _stamps = [];
    private int[] _touched = [];
    private int _stamp = 1;

    public int TouchedCount { get; private set; }

    /// <summary>The documents with a score, in the order they were first scored.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, TouchedCount);

    public void Reset(int documents)
    {
        if (_values.Length < documents)
        {
            // Grows with the index, once per thread; queries reuse it.
            var size = Math.Max(documents, _values.Length * 2);
            _values = new double[size];
            _stamps = new int[size];
            _touched = new int[size];
            _stamp = 0;
        }

        TouchedCount = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    public bool Contains(int doc) => _stamps[doc] == _stamp;

    public double this[int doc] => _values[doc];

    /// <summary>Adds to the document's score, starting it at <paramref name="score"/> when it has none.</summary>
    public void Add(int doc, double score)
    {
        if (_stamps[doc] != _stamp)
        {
            _stamps[doc] = _stamp;
            _values[doc] = score;
            _touched[TouchedCount++] = doc;
        }
        else
        {
            _values[doc] += score;
        }
    }

    /// <summary>Raises the document's score to <paramref name="score"/> when that is higher (no score counts as 0).</summary>
    public void Max(int doc, double score)
    {
        if (_stamps[doc] != _stamp)
        {
            if (score > 0)
            {
                _stamps[doc] = _stamp;
                _values[doc] = score;
                _touched[TouchedCount++] = doc;
            }
        }
        else if (score > _values[doc])
        {
            _values[doc] = score;
        }
    }
}
