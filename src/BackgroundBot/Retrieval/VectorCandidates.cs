namespace BackgroundBot.Retrieval;

/// <summary>
/// Rows kept by a vector search's first pass, with the passage id read then (a removal during the search does not
/// take a row out half-way) and the best similarity each could have; reused per thread.
/// </summary>
internal sealed class VectorCandidates
{
    private int[] _rows = new int[256];
    private int[] _ids = new int[256];
    private float[] _upper = new float[256];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Rows => _rows.AsSpan(0, Count);

    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    public ReadOnlySpan<float> Upper => _upper.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int row, int id, float upper)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _upper, _upper.Length * 2);
        }

        _rows[Count] = row;
        _ids[Count] = id;
        _upper[Count] = upper;
        Count++;
    }
}
