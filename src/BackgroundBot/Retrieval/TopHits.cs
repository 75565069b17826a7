namespace BackgroundBot.Retrieval;

/// <summary>
/// The best <c>k</c> (score, document) pairs seen, kept in a min-heap whose root is the worst kept pair, so each
/// candidate costs one comparison unless it gets in. Higher score wins; on equal scores the lower document wins.
/// </summary>
internal sealed class TopHits
{
    private double[] _scores = new double[16];
    private int[] _docs = new int[16];
    private int _capacity;

    public int Count { get; private set; }

    /// <summary>The worst kept score once the heap is full (what a newcomer must beat); negative infinity before.</summary>
    public double Threshold => Count < _capacity || _capacity == 0 ? double.NegativeInfinity : _scores[0];

    public void Reset(int capacity)
    {
        if (_scores.Length < capacity)
        {
            _scores = new double[capacity];
            _docs = new int[capacity];
        }

        _capacity = capacity;
        Count = 0;
    }

    public void Offer(int doc, double score)
    {
        if (Count < _capacity)
        {
            var i = Count++;
            _scores[i] = score;
            _docs[i] = doc;
            SiftUp(i);
        }
        else if (_capacity > 0 && Worse(_scores[0], _docs[0], score, doc))
        {
            _scores[0] = score;
            _docs[0] = doc;
            SiftDown(0);
        }
    }

    /// <summary>Empties the heap into <paramref name="docs"/> and <paramref name="scores"/>, best first.</summary>
    public void Drain(Span<int> docs, Span<double> scores)
    {
        while (Count > 0)
        {
            var last = --Count;
            docs[last] = _docs[0];
            scores[last] = _scores[0];
            _scores[0] = _scores[last];
            _docs[0] = _docs[last];
            SiftDown(0);
        }
    }

    // Whether (a, aDoc) ranks below (b, bDoc).
    private static bool Worse(double a, int aDoc, double b, int bDoc) => a < b || (a == b && aDoc > bDoc);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(_scores[i], _docs[i], _scores[parent], _docs[parent]))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= Count)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < Count && Worse(_scores[right], _docs[right], _scores[left], _docs[left]))
            {
                worst = right;
            }

            if (!Worse(_scores[worst], _docs[worst], _scores[i], _docs[i]))
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_docs[a], _docs[b]) = (_docs[b], _docs[a]);
    }
}
