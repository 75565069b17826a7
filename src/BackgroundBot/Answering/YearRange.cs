namespace BackgroundBot.Answering;

/// <summary>The years a question is about, inclusive ("the first war" is 1988 to 1994).</summary>
public sealed record YearRange(int From, int To)
{
    public bool Contains(int year) => year >= From && year <= To;

    /// <summary>Whether a fact dated <paramref name="from"/> (to <paramref name="to"/> for a period) falls in the range.</summary>
    public bool Overlaps(int from, int to) => from <= To && to >= From;
}
